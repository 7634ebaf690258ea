<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Annotator</source>
        <translation>عن محرر التوسيم</translation>
    </message>
    <message>
        <source>&lt;b&gt;Annotator&lt;/b&gt; {version}</source>
        <translation>&lt;b&gt;محرر التوسيم&lt;/b&gt; ⁨{version}⁩</translation>
    </message>
    <message>
        <source>Label spans in Arabic news articles to make NLP training data.</source>
        <translation>وسم المقاطع في المقالات الإخبارية العربية لإعداد بيانات تدريب لمعالجة اللغات الطبيعية.</translation>
    </message>
    <message>
        <source>Qt {qt} · PySide6 {pyside6} · Python {python}</source>
        <translation>⁦Qt {qt} · PySide6 {pyside6} · Python {python}⁩</translation>
    </message>
    <message>
        <source>Licence: MIT. The bundled fonts: SIL Open Font License 1.1. Qt and PySide6: LGPLv3.</source>
        <translation>الترخيص: ⁨MIT⁩. الخطوط المرفقة: ⁨SIL Open Font License 1.1⁩. ‏Qt وPySide6: ⁨LGPLv3⁩.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <source>Open another project folder (the current document is saved first)</source>
        <translation>فتح مجلد مشروع آخر (يُحفَظ المستند الحالي أولًا)</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>المشاريع الأ&amp;خيرة</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <source>Save now (changes are also saved automatically)</source>
        <translation>الحفظ الآن (تُحفَظ التغييرات تلقائيًا أيضًا)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>ت&amp;صدير…</translation>
    </message>
    <message>
        <source>Write the project&apos;s annotations as training data (jsonl, conll, brat, spacy, hf)</source>
        <translation>كتابة توسيمات المشروع بيانات تدريب (jsonl وconll وbrat وspacy وhf)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>ا&amp;ستيراد…</translation>
    </message>
    <message>
        <source>Bring in annotations from brat, doccano, Label Studio or a jsonl export</source>
        <translation>جلب توسيمات من brat أو doccano أو Label Studio أو من ملف jsonl مُصدَّر</translation>
    </message>
    <message>
        <source>S&amp;ync with the team</source>
        <translation>&amp;مزامنة مع الفريق</translation>
    </message>
    <message>
        <source>Send your annotation files through git and receive the team&apos;s (the document is saved first)</source>
        <translation>إرسال ملفات توسيمك عبر git واستلام ملفات الفريق (يُحفَظ المستند أولًا)</translation>
    </message>
    <message>
        <source>Sync a&amp;utomatically</source>
        <translation>المزامنة &amp;تلقائيًا</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>إ&amp;نهاء</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>ترا&amp;جع</translation>
    </message>
    <message>
        <source>Undo the last change to this document&apos;s spans</source>
        <translation>التراجع عن آخر تغيير في مقاطع هذا المستند</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>Redo the change just undone</source>
        <translation>إعادة التغيير الذي تُرُوجِع عنه للتو</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <source>Find a word in this document: normalised Arabic, proclitics allowed</source>
        <translation>البحث عن كلمة في هذا المستند: تُوحَّد أشكال الحروف العربية، وتُقبَل السوابق المتصلة</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>البحث عن ال&amp;تالي</translation>
    </message>
    <message>
        <source>Select the next match</source>
        <translation>تحديد التطابق التالي</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>البحث عن ال&amp;سابق</translation>
    </message>
    <message>
        <source>Select the previous match</source>
        <translation>تحديد التطابق السابق</translation>
    </message>
    <message>
        <source>&amp;Label all matches…</source>
        <translation>&amp;وسم كل التطابقات…</translation>
    </message>
    <message>
        <source>Label every match in this document or in the whole project, after a preview</source>
        <translation>وسم كل تطابق في هذا المستند أو في المشروع كله، بعد معاينتها</translation>
    </message>
    <message>
        <source>&amp;Delete span</source>
        <translation>&amp;حذف المقطع</translation>
    </message>
    <message>
        <source>Delete the selected span</source>
        <translation>حذف المقطع المحدَّد</translation>
    </message>
    <message>
        <source>Edit &amp;note…</source>
        <translation>تحرير الم&amp;لاحظة…</translation>
    </message>
    <message>
        <source>Edit a&amp;ttributes</source>
        <translation>تحرير الس&amp;مات</translation>
    </message>
    <message>
        <source>Go to the selected span&apos;s attributes (Tab between them, type to choose a value, Escape back to the text)</source>
        <translation>الانتقال إلى سمات المقطع المحدَّد (⁦Tab⁩ للتنقّل بينها، والكتابة لاختيار قيمة، و⁦Escape⁩ للعودة إلى النص)</translation>
    </message>
    <message>
        <source>Ne&amp;xt span</source>
        <translation>المقطع ال&amp;تالي</translation>
    </message>
    <message>
        <source>Pre&amp;vious span</source>
        <translation>المقطع ال&amp;سابق</translation>
    </message>
    <message>
        <source>Move span start left</source>
        <translation>تحريك بداية المقطع يسارًا</translation>
    </message>
    <message>
        <source>Move span start right</source>
        <translation>تحريك بداية المقطع يمينًا</translation>
    </message>
    <message>
        <source>Move span end left</source>
        <translation>تحريك نهاية المقطع يسارًا</translation>
    </message>
    <message>
        <source>Move span end right</source>
        <translation>تحريك نهاية المقطع يمينًا</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <source>Shed or restore &amp;proclitic</source>
        <translation>نزع السابقة المتصلة أو إ&amp;رجاعها</translation>
    </message>
    <message>
        <source>Take the proclitic (و ف ب ك ل س) off the start of the selected span, or give it back</source>
        <translation>نزع السابقة المتصلة (و ف ب ك ل س) من بداية المقطع المحدَّد، أو إرجاعها إليه</translation>
    </message>
    <message>
        <source>&amp;Link to…</source>
        <translation>ر&amp;بط بمقطع آخر…</translation>
    </message>
    <message>
        <source>Link the selected span to another: arrows or typing choose the target, Enter, then the relation type&apos;s key; Escape cancels</source>
        <translation>ربط المقطع المحدَّد بمقطع آخر: اختر المقطع الهدف بالأسهم أو بالكتابة، ثم اضغط ⁦Enter⁩، ثم مفتاح نوع العلاقة؛ ويُلغي ⁦Escape⁩ الربط</translation>
    </message>
    <message>
        <source>Change relation &amp;type…</source>
        <translation>تغيير &amp;نوع العلاقة…</translation>
    </message>
    <message>
        <source>Give the chosen relation another type (press the type&apos;s key)</source>
        <translation>إعطاء العلاقة المختارة نوعًا آخر (اضغط مفتاح النوع)</translation>
    </message>
    <message>
        <source>Re&amp;verse relation</source>
        <translation>عكس اتجا&amp;ه العلاقة</translation>
    </message>
    <message>
        <source>Swap the chosen relation&apos;s ends</source>
        <translation>تبديل طرفَي العلاقة المختارة</translation>
    </message>
    <message>
        <source>Edit relation n&amp;ote…</source>
        <translation>تحرير ملاحظة ال&amp;علاقة…</translation>
    </message>
    <message>
        <source>Delete re&amp;lation</source>
        <translation>ح&amp;ذف العلاقة</translation>
    </message>
    <message>
        <source>Delete the chosen relation</source>
        <translation>حذف العلاقة المختارة</translation>
    </message>
    <message>
        <source>Next relation</source>
        <translation>العلاقة التالية</translation>
    </message>
    <message>
        <source>Choose the next relation of the selected span (of the document, if none is selected)</source>
        <translation>اختيار العلاقة التالية للمقطع المحدَّد (أو للمستند إن لم يُحدَّد مقطع)</translation>
    </message>
    <message>
        <source>Previous relation</source>
        <translation>العلاقة السابقة</translation>
    </message>
    <message>
        <source>Snap to &amp;words</source>
        <translation>الالتزام بحدود ال&amp;كلمات</translation>
    </message>
    <message>
        <source>Widen selections to whole words and drop spaces and punctuation at the edges</source>
        <translation>توسيع التحديد إلى كلمات كاملة وإسقاط المسافات وعلامات الترقيم من طرفيه</translation>
    </message>
    <message>
        <source>&amp;Accept suggestion</source>
        <translation>&amp;قبول الاقتراح</translation>
    </message>
    <message>
        <source>Make the suggestion at the cursor a span, then go to the next suggestion</source>
        <translation>تحويل الاقتراح الذي عند المؤشر إلى مقطع، ثم الانتقال إلى الاقتراح التالي</translation>
    </message>
    <message>
        <source>Re&amp;ject suggestion</source>
        <translation>ر&amp;فض الاقتراح</translation>
    </message>
    <message>
        <source>Never offer the suggestion at the cursor again, then go to the next suggestion</source>
        <translation>عدم عرض الاقتراح الذي عند المؤشر مرة أخرى، ثم الانتقال إلى الاقتراح التالي</translation>
    </message>
    <message>
        <source>Accept all suggestions in this document</source>
        <translation>قبول كل الاقتراحات في هذا المستند</translation>
    </message>
    <message>
        <source>Make every suggestion shown a span (one undo step)</source>
        <translation>تحويل كل اقتراح معروض إلى مقطع (خطوة تراجع واحدة)</translation>
    </message>
    <message>
        <source>Reject all suggestions in this document</source>
        <translation>رفض كل الاقتراحات في هذا المستند</translation>
    </message>
    <message>
        <source>Never offer the suggestions shown again (one undo step)</source>
        <translation>عدم عرض الاقتراحات المعروضة مرة أخرى (خطوة تراجع واحدة)</translation>
    </message>
    <message>
        <source>Next s&amp;uggestion</source>
        <translation>الاقتراح التال&amp;ي</translation>
    </message>
    <message>
        <source>Put the cursor on the next suggestion</source>
        <translation>وضع المؤشر على الاقتراح التالي</translation>
    </message>
    <message>
        <source>Previous su&amp;ggestion</source>
        <translation>الاقتراح ال&amp;سابق</translation>
    </message>
    <message>
        <source>Put the cursor on the previous suggestion</source>
        <translation>وضع المؤشر على الاقتراح السابق</translation>
    </message>
    <message>
        <source>&amp;Suggest…</source>
        <translation>ت&amp;وليد اقتراحات…</translation>
    </message>
    <message>
        <source>Make suggestions from the spans labelled so far (in gold and in files marked done), or with a trained model</source>
        <translation>توليد اقتراحات من المقاطع الموسومة حتى الآن (في المعيار الذهبي وفي الملفات المُعلَّمة مُنجَزة)، أو بنموذج مُدرَّب</translation>
    </message>
    <message>
        <source>&amp;Previous document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <source>Open the document above in the list</source>
        <translation>فتح المستند الذي يعلوه في القائمة</translation>
    </message>
    <message>
        <source>&amp;Next document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <source>Open the document below in the list</source>
        <translation>فتح المستند الذي يليه في القائمة</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>تعليم المستند &amp;مُنجَزًا</translation>
    </message>
    <message>
        <source>Mark this document done (again to mark it in progress)</source>
        <translation>تعليم هذا المستند مُنجَزًا (ومرة أخرى لإعادته قيد العمل)</translation>
    </message>
    <message>
        <source>Only documents &amp;assigned to me</source>
        <translation>المستندات المُسنَدة إليّ &amp;فقط</translation>
    </message>
    <message>
        <source>List only the documents project.json assigns to you</source>
        <translation>عرض المستندات التي يُسندها إليك ملف project.json وحدها</translation>
    </message>
    <message>
        <source>&amp;Labels and relations…</source>
        <translation>ال&amp;تسميات والعلاقات…</translation>
    </message>
    <message>
        <source>Add, rename, recolour or rekey labels, their attributes and relation types (a rename changes every file that uses the name)</source>
        <translation>إضافة التسميات وسماتها وأنواع العلاقات، أو تغيير أسمائها أو ألوانها أو مفاتيحها (تغيير الاسم يُعدِّل كل ملف يستعمله)</translation>
    </message>
    <message>
        <source>&amp;Team status…</source>
        <translation>&amp;حالة الفريق…</translation>
    </message>
    <message>
        <source>Each annotator&apos;s progress on their assigned documents, and their agreement where two annotated the same</source>
        <translation>تقدُّم كل مُعلِّق في المستندات المُسنَدة إليه، ومدى الاتفاق حيث وسم مُعلِّقان المستند نفسه</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>الحجم الا&amp;فتراضي</translation>
    </message>
    <message>
        <source>Focus the &amp;text</source>
        <translation>الانتقال إلى ال&amp;نص</translation>
    </message>
    <message>
        <source>Show &amp;label names</source>
        <translation>إظ&amp;هار أسماء التسميات</translation>
    </message>
    <message>
        <source>Write each span&apos;s label small above its first letter</source>
        <translation>كتابة تسمية كل مقطع بخط صغير فوق أول حرف منه</translation>
    </message>
    <message>
        <source>Show s&amp;uggestions</source>
        <translation>إظهار الا&amp;قتراحات</translation>
    </message>
    <message>
        <source>Draw machine suggestions as dashed boxes in their label&apos;s colour</source>
        <translation>رسم الاقتراحات الآلية في إطارات متقطعة بلون تسميتها</translation>
    </message>
    <message>
        <source>Show &amp;relations</source>
        <translation>إظهار ال&amp;علاقات</translation>
    </message>
    <message>
        <source>Draw relations as labelled arcs above the lines</source>
        <translation>رسم العلاقات أقواسًا تحمل أسماءها فوق الأسطر</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>الألوا&amp;ح</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <source>&amp;Review mode</source>
        <translation>وضع الم&amp;راجعة</translation>
    </message>
    <message>
        <source>Compare annotators on this document and settle the gold version</source>
        <translation>مقارنة المُعلِّقين في هذا المستند واعتماد نسخة المعيار الذهبي</translation>
    </message>
    <message>
        <source>&amp;Next difference</source>
        <translation>الاختلاف ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous difference</source>
        <translation>الاختلاف ال&amp;سابق</translation>
    </message>
    <message>
        <source>Accept &amp;A</source>
        <translation>اعتماد &amp;A</translation>
    </message>
    <message>
        <source>Gold takes A&apos;s version of the selected difference</source>
        <translation>يأخذ المعيار الذهبي نسخة A من الاختلاف المحدَّد</translation>
    </message>
    <message>
        <source>Accept &amp;B</source>
        <translation>اعتماد &amp;B</translation>
    </message>
    <message>
        <source>Gold takes B&apos;s version of the selected difference</source>
        <translation>يأخذ المعيار الذهبي نسخة B من الاختلاف المحدَّد</translation>
    </message>
    <message>
        <source>Accept b&amp;oth</source>
        <translation>اعتماد ال&amp;نسختين</translation>
    </message>
    <message>
        <source>Gold takes both versions of the selected difference</source>
        <translation>يأخذ المعيار الذهبي النسختين كلتيهما من الاختلاف المحدَّد</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>&amp;رفض</translation>
    </message>
    <message>
        <source>Gold takes neither version of the selected difference</source>
        <translation>لا يأخذ المعيار الذهبي أيًّا من نسختي الاختلاف المحدَّد</translation>
    </message>
    <message>
        <source>&amp;Edit in gold</source>
        <translation>ت&amp;حرير في المعيار الذهبي</translation>
    </message>
    <message>
        <source>Select the difference&apos;s gold span (A&apos;s copied in if gold has none) to relabel it, move its ends or write a note</source>
        <translation>تحديد مقطع الاختلاف في المعيار الذهبي (يُنسَخ مقطع A إن لم يكن فيه مقطع) لتغيير تسميته أو تحريك طرفيه أو كتابة ملاحظة عليه</translation>
    </message>
    <message>
        <source>Accept all a&amp;greed</source>
        <translation>اعتماد كل المت&amp;فق عليه</translation>
    </message>
    <message>
        <source>Add to gold every span all compared annotators marked identically (one undo step)</source>
        <translation>إضافة كل مقطع وسمه جميع المُعلِّقين المقارَنين بالطريقة نفسها إلى المعيار الذهبي (خطوة تراجع واحدة)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>ا&amp;ختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Every command and its keys</source>
        <translation>كل أمر ومفاتيحه</translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation>&amp;عن محرر التوسيم</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>لغة ال&amp;نظام</translation>
    </message>
    <message>
        <source>Takes effect when Annotator is restarted</source>
        <translation>يسري عند إعادة تشغيل محرر التوسيم</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>The interface will be in {language} the next time Annotator starts.</source>
        <translation>ستكون الواجهة باللغة {language} عند تشغيل محرر التوسيم في المرة القادمة.</translation>
    </message>
    <message>
        <source>The interface will follow the system&apos;s language the next time Annotator starts.</source>
        <translation>ستتبع الواجهة لغة النظام عند تشغيل محرر التوسيم في المرة القادمة.</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Label the selection as {label}, or relabel the selected span</source>
        <translation>وسم التحديد بالتسمية ⁨{label}⁩، أو تغيير تسمية المقطع المحدَّد إليها</translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <source>Not done: {why}</source>
        <translation>لم يُنفَّذ: ⁨{why}⁩</translation>
    </message>
    <message>
        <source>{doc} was marked done: it is in progress again (Ctrl+Z undoes both)</source>
        <translation>كان ⁨{doc}⁩ مُعلَّمًا مُنجَزًا: عاد قيد العمل (يتراجع ⁦Ctrl+Z⁩ عن الأمرين معًا)</translation>
    </message>
    <message>
        <source>Nothing to label: the selection holds only spaces or punctuation</source>
        <translation>لا شيء لوسمه: ليس في التحديد إلا مسافات أو علامات ترقيم</translation>
    </message>
    <message>
        <source>These words are already labelled {label}</source>
        <translation>هذه الكلمات موسومة بالتسمية ⁨{label}⁩ من قبل</translation>
    </message>
    <message>
        <source>Select some text first (mouse, Shift+arrows, or double-click a word)</source>
        <translation>حدِّد نصًّا أولًا (بالفأرة، أو Shift مع الأسهم، أو بالنقر المزدوج على كلمة)</translation>
    </message>
    <message>
        <source>Not relabelled: {label} does not fit its relations {types}; change or delete them first</source>
        <translation>لم تُغيَّر التسمية: لا تناسب التسمية ⁨{label}⁩ علاقات المقطع ⁨{types}⁩؛ غيِّر هذه العلاقات أو احذفها أولًا</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Select the text where {label} “{text}” belongs, then press “Place at selection”</source>
        <translation>حدِّد النص الذي يخص ⁨{label}⁩ «⁨{text}⁩»، ثم اضغط «وضعه في التحديد»</translation>
    </message>
    <message>
        <source>Placed {label} “{text}” (was “{old}” at {start}–{end})</source>
        <translation>وُضع ⁨{label}⁩ «⁨{text}⁩» (كان «⁨{old}⁩» في ⁦{start}–{end}⁩)</translation>
    </message>
    <message>
        <source>{what} (Ctrl+Z brings it back)</source>
        <translation>{what} (يعيده Ctrl+Z)</translation>
    </message>
    <message>
        <source>No span selected: click a span, or use Alt+↓ / Alt+↑</source>
        <translation>لم يُحدَّد مقطع: انقر مقطعًا، أو استعمل ⁦Alt+↓⁩ / ⁦Alt+↑⁩</translation>
    </message>
    <message>
        <source>No span selected</source>
        <translation>لم يُحدَّد مقطع</translation>
    </message>
    <message>
        <source>Deleted “{text}” and its {count} relation(s): {relations} (Ctrl+Z brings them back)</source>
        <translation>حُذف «⁨{text}⁩» وعلاقاته (عددها {count}): {relations} (يعيدها ⁦Ctrl+Z⁩ كلها)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Note on “{text}” ({label}):</source>
        <translation>ملاحظة على «⁨{text}⁩» (⁨{label}⁩):</translation>
    </message>
    <message>
        <source>The span cannot move further that way</source>
        <translation>لا يمكن تحريك المقطع أبعد في هذا الاتجاه</translation>
    </message>
    <message>
        <source>“{text}” has no proclitic to take off or give back</source>
        <translation>ليس في «⁨{text}⁩» سابقة متصلة تُنزَع أو تُرجَع</translation>
    </message>
    <message>
        <source>No spans yet</source>
        <translation>لا مقاطع بعد</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Annotator</source>
        <translation>محرر التوسيم</translation>
    </message>
    <message>
        <source>Your name, as it will appear on your annotation files:</source>
        <translation>اسمك كما سيظهر على ملفات توسيمك:</translation>
    </message>
    <message>
        <source>Your name, as it will appear on your annotation files (pick it if you already annotate this project):</source>
        <translation>اسمك كما سيظهر على ملفات توسيمك (اختره إن كنت مُعلِّقًا في هذا المشروع من قبل):</translation>
    </message>
    <message>
        <source>Please choose another name: {problem}.</source>
        <translation>يُرجى اختيار اسم آخر: ⁨{problem}⁩.</translation>
    </message>
</context>
<context>
    <name>AssignedOnly</name>
    <message>
        <source>project.json assigns no documents to you (the coordinator&apos;s &apos;annotator assign&apos;)</source>
        <translation>لا يُسند إليك ملف project.json أي مستند (يُسنِدها المنسِّق بالأمر ⁦&apos;annotator assign&apos;⁩)</translation>
    </message>
    <message numerus="yes">
        <source>Listing the %n document(s) assigned to you</source>
        <translation>
            <numerusform>لا مستندات مُسنَدة إليك</numerusform>
            <numerusform>عرض المستند الوحيد المُسنَد إليك</numerusform>
            <numerusform>عرض المستندَين المُسنَدَين إليك</numerusform>
            <numerusform>عرض %n مستندات مُسنَدة إليك</numerusform>
            <numerusform>عرض %n مستندًا مُسنَدًا إليك</numerusform>
            <numerusform>عرض %n مستند مُسنَد إليك</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttributesEditor</name>
    <message>
        <source>Select a span to see its attributes</source>
        <translation>حدِّد مقطعًا لترى سماته</translation>
    </message>
    <message>
        <source>{label}: {text}</source>
        <translation>‏{label}: {text}</translation>
    </message>
    <message>
        <source>{label} has no attributes (Project &gt; Labels and relations… adds some)</source>
        <translation>ليس للتسمية ⁨{label}⁩ سمات (تُضاف السمات من «مشروع &gt; التسميات والعلاقات…»)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>{value} (not in the schema)</source>
        <translation>‏⁨{value}⁩ (ليست في المخطط)</translation>
    </message>
    <message>
        <source>Not declared by the label&apos;s schema: choose (none) to remove it</source>
        <translation>ليست مُعرَّفة في مخطط التسمية: اختر «(لا شيء)» لإزالتها</translation>
    </message>
</context>
<context>
    <name>ConflictCopies</name>
    <message>
        <source>{doc} was changed on this computer and by the team since the last sync. The team&apos;s version is shown; yours, as it was on {machine} at {time}, was kept aside. Keep mine: your version replaces the team&apos;s. Take theirs: yours is set aside.</source>
        <translation>تغيّر ⁨{doc}⁩ على هذا الحاسوب ولدى الفريق منذ آخر مزامنة. المعروضة هي نسخة الفريق؛ أما نسختك، كما كانت على ⁨{machine}⁩ في ⁨{time}⁩، فحُفظت جانبًا. «إبقاء نسختي»: تحلّ نسختك محل نسخة الفريق. «أخذ نسختهم»: تُنحّى نسختك جانبًا.</translation>
    </message>
    <message numerus="yes">
        <source>%n more kept version(s) come after this one.</source>
        <translation>
            <numerusform>ولا نسخ محفوظة أخرى بعد هذه.</numerusform>
            <numerusform>وبعد هذه نسخة محفوظة أخرى.</numerusform>
            <numerusform>وبعد هذه نسختان محفوظتان أخريان.</numerusform>
            <numerusform>وبعد هذه %n نسخ محفوظة أخرى.</numerusform>
            <numerusform>وبعد هذه %n نسخة محفوظة أخرى.</numerusform>
            <numerusform>وبعد هذه %n نسخة محفوظة أخرى.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>إبقاء نسختي</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>أخذ نسختهم</translation>
    </message>
    <message>
        <source>Your version of {doc} replaced the team&apos;s; the team&apos;s is kept in {file}.</source>
        <translation>حلّت نسختك من ⁨{doc}⁩ محل نسخة الفريق؛ ونسخة الفريق محفوظة في ⁨{file}⁩.</translation>
    </message>
    <message>
        <source>The team&apos;s version of {doc} stays; yours is kept in {file}.</source>
        <translation>بقيت نسخة الفريق من ⁨{doc}⁩؛ ونسختك محفوظة في ⁨{file}⁩.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>لم يُنفَّذ</translation>
    </message>
    <message>
        <source>Your latest changes to {doc} could not be saved, so nothing was replaced: deal with the banner above first.</source>
        <translation>تعذّر حفظ آخر تغييراتك في ⁨{doc}⁩، فلم يُستبدَل شيء: عالج ما في الشريط أعلاه أولًا.</translation>
    </message>
    <message>
        <source>{file} changed on disk meanwhile: it was read again; choose again</source>
        <translation>تغيّر ⁨{file}⁩ على القرص في أثناء ذلك: أُعيدت قراءته؛ اختر من جديد</translation>
    </message>
    <message>
        <source>Your kept version cannot replace {file}:
{problem}</source>
        <translation>لا يمكن أن تحلّ نسختك المحفوظة محل ⁨{file}⁩:
⁨{problem}⁩</translation>
    </message>
    <message>
        <source>Your version of {doc} is back in place</source>
        <translation>عادت نسختك من ⁨{doc}⁩ إلى مكانها</translation>
    </message>
    <message>
        <source>The team&apos;s version of {doc} stays</source>
        <translation>بقيت نسخة الفريق من ⁨{doc}⁩</translation>
    </message>
    <message>
        <source>{doc} changed since your version was put back: it cannot be undone any more.</source>
        <translation>تغيّر ⁨{doc}⁩ منذ أُعيدت نسختك: لم يعد التراجع ممكنًا.</translation>
    </message>
    <message>
        <source>It cannot be undone: {problem}</source>
        <translation>لا يمكن التراجع: ⁨{problem}⁩</translation>
    </message>
    <message>
        <source>Undone: choose again in the banner</source>
        <translation>تمّ التراجع: اختر من جديد في الشريط</translation>
    </message>
</context>
<context>
    <name>DifferenceTableModel</name>
    <message>
        <source>same</source>
        <translation>متطابق</translation>
    </message>
    <message>
        <source>label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <source>boundary</source>
        <translation>الحدود</translation>
    </message>
    <message>
        <source>only A</source>
        <translation>في A فقط</translation>
    </message>
    <message>
        <source>only B</source>
        <translation>في B فقط</translation>
    </message>
    <message>
        <source>attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <source>note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>العلاقة</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>مُعدَّل</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>B is</source>
        <translation>المُعلِّق B</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <source>Gold: {span}</source>
        <translation>المعيار الذهبي: ⁨{span}⁩</translation>
    </message>
    <message>
        <source>Not in gold</source>
        <translation>ليس في المعيار الذهبي</translation>
    </message>
    <message>
        <source>Accept a version first to note it</source>
        <translation>اعتمد نسخة أولًا لتكتب عليها ملاحظة</translation>
    </message>
</context>
<context>
    <name>DocumentFilter</name>
    <message>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>مُنجَز</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>لم يُنجَز بعد</translation>
    </message>
    <message>
        <source>Cannot be opened</source>
        <translation>يتعذّر فتحه</translation>
    </message>
    <message>
        <source>List order</source>
        <translation>ترتيب القائمة</translation>
    </message>
    <message>
        <source>Least confident first</source>
        <translation>الأقل ثقةً أولًا</translation>
    </message>
</context>
<context>
    <name>DocumentFilterBar</name>
    <message>
        <source>Filter documents</source>
        <translation>تصفية المستندات</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>ال&amp;ترتيب:</translation>
    </message>
    <message>
        <source>Least confident first: the documents whose suggestions the trained model is least sure of come first (when there are no model suggestions: those with the lowest score of any source)</source>
        <translation>الأقل ثقةً أولًا: تأتي أولًا المستندات التي يكون النموذج المُدرَّب أقلَّ ثقةً باقتراحاته فيها (وإن لم تكن هناك اقتراحات من النموذج: المستندات ذات أدنى درجة من أي مصدر)</translation>
    </message>
    <message>
        <source>Least confident first, by the trained model&apos;s confidence: the documents whose model suggestions have the lowest scores come first; those without model suggestions come last</source>
        <translation>الأقل ثقةً أولًا، بحسب ثقة النموذج المُدرَّب: تأتي أولًا المستندات التي لاقتراحات النموذج فيها أدنى الدرجات، وتأتي أخيرًا المستندات التي ليس فيها اقتراحات من النموذج</translation>
    </message>
    <message>
        <source>Least confident first, by the lowest score of any source&apos;s suggestions (there are no model suggestions); documents without suggestions come last</source>
        <translation>الأقل ثقةً أولًا، بحسب أدنى درجة لاقتراحات أي مصدر (لا توجد اقتراحات من النموذج)؛ وتأتي أخيرًا المستندات التي ليس فيها اقتراحات</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>مُنجَز</translation>
    </message>
    <message>
        <source>error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>{spans} +{unplaced} unplaced</source>
        <translation>{spans} +{unplaced} بلا موضع</translation>
    </message>
    <message>
        <source>{doc_id} cannot be opened:
{problem}</source>
        <translation>تعذّر فتح ⁨{doc_id}⁩:
⁨{problem}⁩</translation>
    </message>
    <message>
        <source>{doc_id}: {status}, spans: {spans}</source>
        <translation>⁨{doc_id}⁩: ⁨{status}⁩، المقاطع: {spans}</translation>
    </message>
    <message>
        <source>; {unplaced} more could not be placed after the text changed: open the document to place or discard them</source>
        <translation>؛ وتعذّر وضع {unplaced} غيرها بعد تغيّر النص: افتح المستند لوضعها أو تجاهلها</translation>
    </message>
</context>
<context>
    <name>DocumentSession</name>
    <message>
        <source>this file has problems and is open read-only</source>
        <translation>في هذا الملف مشكلات، ففُتح للقراءة فقط</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message numerus="yes">
        <source>Delete {label} “{text}” and %n relation(s)</source>
        <translation>
            <numerusform>حذف مقطع ⁨{label}⁩ «⁨{text}⁩» دون علاقات</numerusform>
            <numerusform>حذف مقطع ⁨{label}⁩ «⁨{text}⁩» وعلاقة واحدة</numerusform>
            <numerusform>حذف مقطع ⁨{label}⁩ «⁨{text}⁩» وعلاقتين</numerusform>
            <numerusform>حذف مقطع ⁨{label}⁩ «⁨{text}⁩» و%n علاقات</numerusform>
            <numerusform>حذف مقطع ⁨{label}⁩ «⁨{text}⁩» و%n علاقة</numerusform>
            <numerusform>حذف مقطع ⁨{label}⁩ «⁨{text}⁩» و%n علاقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>لم يُقبَل أي اقتراح</numerusform>
            <numerusform>قبول اقتراح واحد</numerusform>
            <numerusform>قبول اقتراحين</numerusform>
            <numerusform>قبول %n اقتراحات</numerusform>
            <numerusform>قبول %n اقتراحًا</numerusform>
            <numerusform>قبول %n اقتراح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n suggestion(s)</source>
        <translation>
            <numerusform>لم يُرفَض أي اقتراح</numerusform>
            <numerusform>رفض اقتراح واحد</numerusform>
            <numerusform>رفض اقتراحين</numerusform>
            <numerusform>رفض %n اقتراحات</numerusform>
            <numerusform>رفض %n اقتراحًا</numerusform>
            <numerusform>رفض %n اقتراح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n agreed span(s)</source>
        <translation>
            <numerusform>لم يُعتمَد أي مقطع متفق عليه</numerusform>
            <numerusform>اعتماد مقطع واحد متفق عليه</numerusform>
            <numerusform>اعتماد مقطعين متفق عليهما</numerusform>
            <numerusform>اعتماد %n مقاطع متفق عليها</numerusform>
            <numerusform>اعتماد %n مقطعًا متفقًا عليه</numerusform>
            <numerusform>اعتماد %n مقطع متفق عليه</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept {label} “{text}”</source>
        <translation>قبول اقتراح ⁨{label}⁩ «⁨{text}⁩»</translation>
    </message>
    <message>
        <source>Reject {label} suggestion</source>
        <translation>رفض اقتراح ⁨{label}⁩</translation>
    </message>
    <message>
        <source>Add {label} “{text}”</source>
        <translation>وسم «⁨{text}⁩» بالتسمية ⁨{label}⁩</translation>
    </message>
    <message>
        <source>Delete {label} “{text}”</source>
        <translation>حذف مقطع ⁨{label}⁩ «⁨{text}⁩»</translation>
    </message>
    <message>
        <source>Relabel “{text}” as {label}</source>
        <translation>تغيير تسمية «⁨{text}⁩» إلى ⁨{label}⁩</translation>
    </message>
    <message>
        <source>Resize {label} “{text}”</source>
        <translation>تغيير حدود مقطع ⁨{label}⁩ «⁨{text}⁩»</translation>
    </message>
    <message>
        <source>Edit the note of {label} “{text}”</source>
        <translation>تحرير ملاحظة مقطع ⁨{label}⁩ «⁨{text}⁩»</translation>
    </message>
    <message>
        <source>Edit the attributes of {label} “{text}”</source>
        <translation>تحرير سمات مقطع ⁨{label}⁩ «⁨{text}⁩»</translation>
    </message>
    <message>
        <source>Edit {label} “{text}”</source>
        <translation>تحرير مقطع ⁨{label}⁩ «⁨{text}⁩»</translation>
    </message>
    <message>
        <source>Mark {status}</source>
        <translation>تغيير حالة المستند إلى ⁨{status}⁩</translation>
    </message>
    <message>
        <source>Add relation {type}</source>
        <translation>إضافة علاقة ⁨{type}⁩</translation>
    </message>
    <message>
        <source>Delete relation {type}</source>
        <translation>حذف علاقة ⁨{type}⁩</translation>
    </message>
    <message>
        <source>Change relation {old_type} to {new_type}</source>
        <translation>تغيير نوع العلاقة من ⁨{old_type}⁩ إلى ⁨{new_type}⁩</translation>
    </message>
    <message>
        <source>Reverse relation {type}</source>
        <translation>عكس اتجاه علاقة ⁨{type}⁩</translation>
    </message>
    <message>
        <source>Edit the note of relation {type}</source>
        <translation>تحرير ملاحظة علاقة ⁨{type}⁩</translation>
    </message>
    <message>
        <source>Edit relation {type}</source>
        <translation>تحرير علاقة ⁨{type}⁩</translation>
    </message>
    <message>
        <source>Place {label} “{text}”</source>
        <translation>وضع مقطع ⁨{label}⁩ «⁨{text}⁩» في التحديد</translation>
    </message>
    <message>
        <source>Set aside {label} “{text}”</source>
        <translation>تنحية مقطع ⁨{label}⁩ «⁨{text}⁩» جانبًا</translation>
    </message>
    <message>
        <source>Discard {label} “{text}”</source>
        <translation>تجاهل مقطع ⁨{label}⁩ «⁨{text}⁩»</translation>
    </message>
    <message>
        <source>Keep {label} “{text}” aside</source>
        <translation>إبقاء مقطع ⁨{label}⁩ «⁨{text}⁩» جانبًا</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <source>Label all “{query}” as {label}</source>
        <translation>وسم كل تطابقات «⁨{query}⁩» بالتسمية ⁨{label}⁩</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>Done only</source>
        <translation>المُنجَزة فقط</translation>
    </message>
    <message>
        <source>In progress only</source>
        <translation>قيد العمل فقط</translation>
    </message>
    <message>
        <source>Gold (documents without a gold file are refused)</source>
        <translation>المعيار الذهبي (تُرفَض المستندات التي ليس لها ملف معيار ذهبي)</translation>
    </message>
    <message>
        <source>one JSON object per document: id, text, annotator, status, spans</source>
        <translation>كائن JSON واحد لكل مستند: المعرِّف والنص والمُعلِّق والحالة والمقاطع</translation>
    </message>
    <message>
        <source>IOB2 tags, one &apos;token&lt;TAB&gt;tag&apos; line per token, a blank line between sentences</source>
        <translation>وسوم IOB2: سطر «⁦token&lt;TAB&gt;tag⁩» لكل وحدة لفظية، وسطر فارغ بين الجمل</translation>
    </message>
    <message>
        <source>brat standoff: the text unchanged and T/R/# lines, offsets in code points</source>
        <translation>صيغة brat المنفصلة: النص دون تغيير وأسطر ⁦T/R/#⁩، والإزاحات بنقاط الترميز</translation>
    </message>
    <message>
        <source>spaCy DocBin: tokens, sentences, flat entities, and every span in doc.spans[&apos;sc&apos;]</source>
        <translation>ملف DocBin لمكتبة spaCy: الوحدات اللفظية والجمل والكيانات المسطَّحة، وكل مقطع في ⁦doc.spans[&apos;sc&apos;]⁩</translation>
    </message>
    <message>
        <source>Hugging Face token classification: id, tokens, ner_tags per sentence</source>
        <translation>تصنيف الوحدات اللفظية لـ Hugging Face: المعرِّف وtokens وner_tags لكل جملة</translation>
    </message>
    <message>
        <source>&amp;Annotator:</source>
        <translation>ال&amp;مُعلِّق:</translation>
    </message>
    <message>
        <source>&amp;Replace what the folder holds when it is not empty</source>
        <translation>است&amp;بدال محتوى المجلد إن لم يكن فارغًا</translation>
    </message>
    <message>
        <source>Documents without a gold file were refused: choose whose annotations to export in “{field}”, or settle gold first in review mode.</source>
        <translation>رُفضت مستندات ليس لها ملف معيار ذهبي: اختر في «⁨{field}⁩» صاحب التوسيمات التي تريد تصديرها، أو اعتمد المعيار الذهبي أولًا في وضع المراجعة.</translation>
    </message>
    <message>
        <source>The output folder holds an earlier export: tick “{field}” to replace it, or choose another folder.</source>
        <translation>في مجلد الإخراج تصدير سابق: فعِّل «⁨{field}⁩» لاستبداله، أو اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <source>Export — {project}</source>
        <translation>تصدير — ⁨{project}⁩</translation>
    </message>
    <message>
        <source>{format} (needs {package})</source>
        <translation>⁨{format}⁩ (يتطلب ⁨{package}⁩)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>ال&amp;صيغة:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>ال&amp;حالة:</translation>
    </message>
    <message>
        <source>&amp;Split by document:</source>
        <translation>ت&amp;قسيم حسب المستند:</translation>
    </message>
    <message>
        <source>NAME=FRACTION pairs adding up to 1; without a split, every document goes to one split named &apos;all&apos;</source>
        <translation>أزواج ⁦NAME=FRACTION⁩ مجموع كسورها 1؛ ودون تقسيم تذهب المستندات كلها إلى قسم واحد اسمه «all»</translation>
    </message>
    <message>
        <source>Seed of the deterministic shuffle of documents into splits</source>
        <translation>بذرة الخلط الحتمي للمستندات على الأقسام</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>البذرة:</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>مجلد الإ&amp;خراج:</translation>
    </message>
    <message>
        <source>an empty folder (created if missing)</source>
        <translation>مجلد فارغ (يُنشَأ إن لم يكن موجودًا)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>ت&amp;صدير</translation>
    </message>
    <message>
        <source>Write the files (nothing is written if anything goes wrong)</source>
        <translation>كتابة الملفات (لا يُكتَب شيء إن حدث أي خطأ)</translation>
    </message>
    <message>
        <source>{description}.
Writes {files}</source>
        <translation>{description}.
يكتب ⁨{files}⁩</translation>
    </message>
    <message>
        <source>This format needs the &apos;{package}&apos; package, which is not installed; install it with: {command}</source>
        <translation>تتطلب هذه الصيغة الحزمة «⁨{package}⁩» وهي غير مثبَّتة؛ ثبِّتها بالأمر: ⁨{command}⁩</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>مجلد الإخراج</translation>
    </message>
    <message>
        <source>Choose an output folder.</source>
        <translation>اختر مجلد الإخراج.</translation>
    </message>
    <message>
        <source>The output folder must be a full path, not {path}.</source>
        <translation>يجب أن يكون مجلد الإخراج مسارًا كاملًا، لا ⁨{path}⁩.</translation>
    </message>
    <message>
        <source>Split: {reason}.</source>
        <translation>التقسيم: ⁨{reason}⁩.</translation>
    </message>
    <message>
        <source>Exporting {annotator}&apos;s annotations as {format}…</source>
        <translation>جارٍ تصدير توسيمات ⁨{annotator}⁩ بصيغة ⁨{format}⁩…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <source>Reading annotations: {done} of {total} documents</source>
        <translation>قراءة التوسيمات: المستند {done} من {total}</translation>
    </message>
    <message>
        <source>Writing {format}: {done} of {total} documents</source>
        <translation>كتابة ⁨{format}⁩: المستند {done} من {total}</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written</source>
        <translation>أُلغي التصدير: لم يُكتَب شيء</translation>
    </message>
    <message>
        <source>Exported {documents} document(s): {written} span(s) written, {dropped} dropped.</source>
        <translation>صُدِّرت المستندات ({documents}): المقاطع المكتوبة {written}، والمُسقَطة {dropped}.</translation>
    </message>
</context>
<context>
    <name>ExportSummary</name>
    <message>
        <source>a longer overlapping span was kept (flat tagging keeps one label per token)</source>
        <translation>أُبقي مقطع متداخل أطول منه (الوسم المسطَّح يُبقي تسمية واحدة لكل وحدة لفظية)</translation>
    </message>
    <message>
        <source>the span covers only white space</source>
        <translation>لا يغطي المقطع إلا مسافات بيضاء</translation>
    </message>
    <message>
        <source>a span boundary falls inside a token</source>
        <translation>أحد حدَّي المقطع يقع داخل وحدة لفظية</translation>
    </message>
    <message>
        <source>the span could not be placed in the current text (kept aside in its file)</source>
        <translation>تعذّر وضع المقطع في النص الحالي (محفوظ جانبًا في ملفه)</translation>
    </message>
    <message>
        <source>the label holds white space, which the format cannot write</source>
        <translation>في التسمية مسافة بيضاء، ولا تستطيع الصيغة كتابتها</translation>
    </message>
    <message>
        <source>the span begins or ends with a line break, which brat cannot write</source>
        <translation>يبدأ المقطع أو ينتهي بفاصل أسطر، ولا تستطيع صيغة ⁦brat⁩ كتابته</translation>
    </message>
    <message>
        <source>a relation the format cannot write (its type holds white space, one of its spans was dropped, or its ends are in different sentences)</source>
        <translation>علاقة لا تستطيع الصيغة كتابتها (في نوعها مسافة بيضاء، أو أُسقط أحد مقطعَيها، أو يقع طرفاها في جملتين مختلفتين)</translation>
    </message>
    <message>
        <source>an attribute not written (brat cannot write its name or value, or the format has no place for it)</source>
        <translation>سمة لم تُكتَب (لا تستطيع صيغة ⁦brat⁩ كتابة اسمها أو قيمتها، أو لا مكان لها في الصيغة)</translation>
    </message>
    <message>
        <source>a note not written (the format has no place for it)</source>
        <translation>ملاحظة لم تُكتَب (لا مكان لها في الصيغة)</translation>
    </message>
    <message>
        <source>relations</source>
        <translation>علاقات</translation>
    </message>
    <message>
        <source>span attributes</source>
        <translation>سمات مقاطع</translation>
    </message>
    <message>
        <source>span notes</source>
        <translation>ملاحظات مقاطع</translation>
    </message>
    <message>
        <source>relation notes</source>
        <translation>ملاحظات علاقات</translation>
    </message>
    <message>
        <source>suggestion origins of spans</source>
        <translation>مصادر اقتراح المقاطع</translation>
    </message>
    <message>
        <source>Written to {folder}</source>
        <translation>كُتب في ⁨{folder}⁩</translation>
    </message>
    <message>
        <source>Annotators: {who}</source>
        <translation>المُعلِّقون: ⁨{who}⁩</translation>
    </message>
    <message>
        <source>Spans: {spans} in the annotations, {written} written, {dropped} dropped</source>
        <translation>المقاطع: {spans} في التوسيمات، كُتب منها {written}، وأُسقط {dropped}</translation>
    </message>
    <message>
        <source>{count} dropped: {reason}</source>
        <translation>أُسقط {count}: {reason}</translation>
    </message>
    <message>
        <source>{doc}: {id} {label} {start}..{end}: {reason}</source>
        <translation>‏⁨{doc}⁩: ⁨{id}⁩ ⁨{label}⁩ ⁦{start}..{end}⁩: {reason}</translation>
    </message>
    <message>
        <source>Left out, as {format} has no place for them: {counts}</source>
        <translation>استُبعد ما لا مكان له في صيغة ⁨{format}⁩: {counts}</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>تحذير: ⁨{text}⁩</translation>
    </message>
    <message>
        <source>Skipped {count} document(s): {reasons}</source>
        <translation>تُخطّيت المستندات ({count}): ⁨{reasons}⁩</translation>
    </message>
</context>
<context>
    <name>FileBanners</name>
    <message>
        <source>Fix it in a text editor (&apos;annotator validate&apos; shows the place), or move it out of the project to start this document afresh; then try again.</source>
        <translation>أصلِحه في محرر نصوص (يُظهر &apos;annotator validate&apos; الموضع)، أو انقله خارج المشروع لتبدأ هذا المستند من جديد؛ ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>It is not an Annotator annotation file: move it out of the project, or fix it, then try again.</source>
        <translation>ليس ملف توسيم من ملفات محرر التوسيم: انقله خارج المشروع أو أصلِحه، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>Save the file as UTF-8 (e.g. with iconv or a text editor), then try again.</source>
        <translation>احفظ الملف بترميز UTF-8 (بالأداة iconv أو بمحرر نصوص مثلًا)، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>Check that the document file exists and can be read, then try again.</source>
        <translation>تحقّق من أن ملف المستند موجود ويمكن قراءته، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>Fix the file, then try again.</source>
        <translation>أصلِح الملف، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>{doc} cannot be opened:
{problems}

Nothing will be written to this file, so nothing in it is lost. {hint}</source>
        <translation>تعذّر فتح ⁨{doc}⁩:
⁨{problems}⁩

لن يُكتَب شيء في هذا الملف، فلا يضيع منه شيء. {hint}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>حاول مرة أخرى</translation>
    </message>
    <message>
        <source>• … and {count} more (run &apos;annotator validate&apos; for all)</source>
        <translation>• … و{count} غيرها (شغِّل &apos;annotator validate&apos; لرؤيتها كلها)</translation>
    </message>
    <message>
        <source>{file} has problems, so it is open read-only (nothing in it can be lost by saving):
{problems}</source>
        <translation>في ⁨{file}⁩ مشكلات، لذا فُتح للقراءة فقط (لا يضيع منه شيء بالحفظ):
⁨{problems}⁩</translation>
    </message>
    <message numerus="yes">
        <source>The text of {doc} changed since these annotations were made. %n span(s) were moved to where their text is now</source>
        <translation>
            <numerusform>تغيّر نص ⁨{doc}⁩ منذ وُضعت هذه التوسيمات. لم يُنقَل أي مقطع</numerusform>
            <numerusform>تغيّر نص ⁨{doc}⁩ منذ وُضعت هذه التوسيمات. نُقل مقطع واحد إلى حيث صار نصه الآن</numerusform>
            <numerusform>تغيّر نص ⁨{doc}⁩ منذ وُضعت هذه التوسيمات. نُقل مقطعان إلى حيث صار نصهما الآن</numerusform>
            <numerusform>تغيّر نص ⁨{doc}⁩ منذ وُضعت هذه التوسيمات. نُقلت %n مقاطع إلى حيث صارت نصوصها الآن</numerusform>
            <numerusform>تغيّر نص ⁨{doc}⁩ منذ وُضعت هذه التوسيمات. نُقل %n مقطعًا إلى حيث صارت نصوصها الآن</numerusform>
            <numerusform>تغيّر نص ⁨{doc}⁩ منذ وُضعت هذه التوسيمات. نُقل %n مقطع إلى حيث صارت نصوصها الآن</numerusform>
        </translation>
    </message>
    <message>
        <source>; every span was placed.</source>
        <translation>؛ ووُضع كل مقطع في موضعه.</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) could not be placed in the current text. They are kept aside in the file, never dropped: select where one belongs and press “Place at selection”, or discard it.</source>
        <translation>
            <numerusform>لم يتعذّر وضع أي مقطع في النص الحالي.</numerusform>
            <numerusform>تعذّر وضع مقطع واحد في النص الحالي. حُفظ جانبًا في الملف ولم يُحذَف: حدِّد موضعه واضغط «وضعه في التحديد»، أو تجاهله.</numerusform>
            <numerusform>تعذّر وضع مقطعين في النص الحالي. حُفظا جانبًا في الملف ولم يُحذَفا: حدِّد موضع أحدهما واضغط «وضعه في التحديد»، أو تجاهله.</numerusform>
            <numerusform>تعذّر وضع %n مقاطع في النص الحالي. حُفظت جانبًا في الملف ولم تُحذَف: حدِّد موضع أحدها واضغط «وضعه في التحديد»، أو تجاهله.</numerusform>
            <numerusform>تعذّر وضع %n مقطعًا في النص الحالي. حُفظت جانبًا في الملف ولم تُحذَف: حدِّد موضع أحدها واضغط «وضعه في التحديد»، أو تجاهله.</numerusform>
            <numerusform>تعذّر وضع %n مقطع في النص الحالي. حُفظت جانبًا في الملف ولم تُحذَف: حدِّد موضع أحدها واضغط «وضعه في التحديد»، أو تجاهله.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is rewritten for the new text when you save or change anything.</source>
        <translation>يُعاد كتابة الملف وفق النص الجديد عند الحفظ أو أي تغيير.</translation>
    </message>
    <message>
        <source>Save re-anchored spans</source>
        <translation>حفظ المقاطع المُعاد تثبيتها</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find a word (normalised Arabic, proclitics allowed)</source>
        <translation>ابحث عن كلمة (تُوحَّد أشكال الحروف، وتُقبَل السوابق المتصلة)</translation>
    </message>
    <message>
        <source>E&amp;xact</source>
        <translation>مطا&amp;بقة تامة</translation>
    </message>
    <message>
        <source>Compare the characters as stored: marks, hamza forms and tatweel count</source>
        <translation>مقارنة الحروف كما هي مخزَّنة: يُعتدّ بالحركات وصور الهمزة والتطويل</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>التطابق السابق (⁦Shift+F3⁩)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>التطابق التالي (⁦F3⁩)</translation>
    </message>
    <message>
        <source>The label “Label all” gives every match</source>
        <translation>التسمية التي يَسِم بها «وسم الكل» كل تطابق</translation>
    </message>
    <message>
        <source>in this document</source>
        <translation>في هذا المستند</translation>
    </message>
    <message>
        <source>in the whole project</source>
        <translation>في المشروع كله</translation>
    </message>
    <message>
        <source>&amp;Label all…</source>
        <translation>&amp;وسم الكل…</translation>
    </message>
    <message>
        <source>Label every match (a preview lists them first)</source>
        <translation>وسم كل تطابق (تسردها معاينة أولًا)</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>إغلاق شريط البحث (⁦Escape⁩)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>لا تطابقات</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>لا تطابقات</numerusform>
            <numerusform>تطابق واحد</numerusform>
            <numerusform>تطابقان</numerusform>
            <numerusform>%n تطابقات</numerusform>
            <numerusform>%n تطابقًا</numerusform>
            <numerusform>%n تطابق</numerusform>
        </translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} من {total}</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>No matches</source>
        <translation>لا تطابقات</translation>
    </message>
    <message>
        <source>Type a word to find</source>
        <translation>اكتب كلمة للبحث عنها</translation>
    </message>
    <message>
        <source>Search wrapped around the document</source>
        <translation>بلغ البحث طرف المستند فاستأنف من طرفه الآخر</translation>
    </message>
    <message>
        <source>Type the word to label everywhere, choose a label, then “Label all…”</source>
        <translation>اكتب الكلمة المراد وسمها في كل موضع، واختر تسمية، ثم «وسم الكل…»</translation>
    </message>
    <message>
        <source>No document is open</source>
        <translation>لا مستند مفتوح</translation>
    </message>
    <message>
        <source>Nothing to label: every match already carries {label}</source>
        <translation>لا شيء لوسمه: كل تطابق موسوم بالتسمية ⁨{label}⁩ من قبل</translation>
    </message>
    <message>
        <source>{doc}: the file has problems and is open read-only</source>
        <translation>⁨{doc}⁩: في الملف مشكلات، ففُتح للقراءة فقط</translation>
    </message>
    <message numerus="yes">
        <source>Labelled %n matches as {label} in {documents} documents</source>
        <translation>
            <numerusform>لم يُوسَم أي تطابق بالتسمية ⁨{label}⁩؛ عدد المستندات: {documents}</numerusform>
            <numerusform>وُسم تطابق واحد بالتسمية ⁨{label}⁩؛ عدد المستندات: {documents}</numerusform>
            <numerusform>وُسم تطابقان بالتسمية ⁨{label}⁩؛ عدد المستندات: {documents}</numerusform>
            <numerusform>وُسمت %n تطابقات بالتسمية ⁨{label}⁩؛ عدد المستندات: {documents}</numerusform>
            <numerusform>وُسم %n تطابقًا بالتسمية ⁨{label}⁩؛ عدد المستندات: {documents}</numerusform>
            <numerusform>وُسم %n تطابق بالتسمية ⁨{label}⁩؛ عدد المستندات: {documents}</numerusform>
        </translation>
    </message>
    <message>
        <source>Some documents were not changed</source>
        <translation>لم تُغيَّر بعض المستندات</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Add labels that are not in the project</source>
        <translation>إضافة التسميات غير الموجودة في المشروع</translation>
    </message>
    <message>
        <source>Offsets count UTF-16 code units</source>
        <translation>الإزاحات تَعُدّ وحدات ترميز UTF-16</translation>
    </message>
    <message>
        <source>Replace annotation files that already hold spans</source>
        <translation>استبدال ملفات التوسيم التي فيها مقاطع</translation>
    </message>
    <message>
        <source>Import what passes the checks and list the rest</source>
        <translation>استيراد ما يجتاز الفحص وسرد الباقي</translation>
    </message>
    <message>
        <source>Labels not in the project were refused: tick “{field}” to add them to the project, or fix the source.</source>
        <translation>رُفضت تسميات ليست في المشروع: فعِّل «⁨{field}⁩» لإضافتها إلى المشروع، أو أصلِح المصدر.</translation>
    </message>
    <message>
        <source>Some offsets look like UTF-16 code units (a known bug of some tools): tick “{field}” and check again.</source>
        <translation>تبدو بعض الإزاحات محسوبة بوحدات ترميز UTF-16 (علّة معروفة في بعض الأدوات): فعِّل «⁨{field}⁩» وافحص مجددًا.</translation>
    </message>
    <message>
        <source>Some annotation files already hold spans: tick “{field}” to overwrite them, or choose another annotator.</source>
        <translation>في بعض ملفات التوسيم مقاطع من قبل: فعِّل «⁨{field}⁩» للكتابة فوقها، أو اختر مُعلِّقًا آخر.</translation>
    </message>
    <message>
        <source>Some offsets fit the text only as code points: untick “{field}” and check again.</source>
        <translation>بعض الإزاحات لا توافق النص إلا محسوبة بنقاط الترميز: ألغِ تفعيل «⁨{field}⁩» وافحص مجددًا.</translation>
    </message>
    <message>
        <source>a folder of brat .txt/.ann pairs (T, R and AnnotatorNotes lines)</source>
        <translation>مجلد من أزواج ملفات brat ‏.txt/.ann (أسطر T وR وAnnotatorNotes)</translation>
    </message>
    <message>
        <source>doccano JSONL, with label: [[start, end, label]] or entities: [...]</source>
        <translation>ملف JSONL من doccano، فيه ⁦label: [[start, end, label]]⁩ أو ⁦entities: [...]⁩</translation>
    </message>
    <message>
        <source>a Label Studio JSON export (annotations[].result[].value)</source>
        <translation>ملف JSON مُصدَّر من Label Studio ‏(⁦annotations[].result[].value⁩)</translation>
    </message>
    <message>
        <source>Annotator&apos;s own JSONL export, read back</source>
        <translation>ملف JSONL صدَّره محرر التوسيم نفسه، يُقرَأ من جديد</translation>
    </message>
    <message>
        <source>Import — {project}</source>
        <translation>استيراد — ⁨{project}⁩</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>ال&amp;صيغة:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>الم&amp;صدر:</translation>
    </message>
    <message>
        <source>empty: the annotator the source names, else the format&apos;s name</source>
        <translation>فارغ: المُعلِّق الذي يسمّيه المصدر، وإلا فاسم الصيغة</translation>
    </message>
    <message>
        <source>Whose annotations these become: annotations/&lt;name&gt;/</source>
        <translation>صاحب هذه التوسيمات: ⁦annotations/&lt;name&gt;/⁩</translation>
    </message>
    <message>
        <source>&amp;Annotator:</source>
        <translation>ال&amp;مُعلِّق:</translation>
    </message>
    <message>
        <source>to project.json, with new colours</source>
        <translation>إلى project.json، بألوان جديدة</translation>
    </message>
    <message>
        <source>read every offset of the source as UTF-16 code units (Label Studio and doccano had this bug)</source>
        <translation>قراءة كل إزاحات المصدر بوحدات ترميز UTF-16 (كانت هذه العلّة في Label Studio وdoccano)</translation>
    </message>
    <message>
        <source>the files&apos; current spans are lost</source>
        <translation>تضيع المقاطع الحالية في تلك الملفات</translation>
    </message>
    <message>
        <source>otherwise nothing is written when anything is wrong</source>
        <translation>وإلا فلا يُكتَب شيء إن كان أي شيء خاطئًا</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;فحص</translation>
    </message>
    <message>
        <source>Read and check the source; write nothing</source>
        <translation>قراءة المصدر وفحصه دون كتابة شيء</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>ا&amp;ستيراد</translation>
    </message>
    <message>
        <source>Check, then write the annotations</source>
        <translation>الفحص ثم كتابة التوسيمات</translation>
    </message>
    <message>
        <source>{description}.
Reads {files}</source>
        <translation>{description}.
يقرأ ⁨{files}⁩</translation>
    </message>
    <message>
        <source>a folder of .txt/.ann pairs (or one .ann file)</source>
        <translation>مجلد من أزواج ‎.txt/.ann (أو ملف ‎.ann واحد)</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>Folder to import</source>
        <translation>المجلد المراد استيراده</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>الملف المراد استيراده</translation>
    </message>
    <message>
        <source>JSON and JSONL (*.json *.jsonl);;All files (*)</source>
        <translation>ملفات JSON وJSONL (*.json *.jsonl);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Choose the file or folder to import.</source>
        <translation>اختر الملف أو المجلد المراد استيراده.</translation>
    </message>
    <message>
        <source>The source must be a full path, not {path}.</source>
        <translation>يجب أن يكون المصدر مسارًا كاملًا، لا ⁨{path}⁩.</translation>
    </message>
    <message>
        <source>{path}: no such file or folder.</source>
        <translation>⁨{path}⁩: لا يوجد ملف أو مجلد بهذا الاسم.</translation>
    </message>
    <message>
        <source>Checking {source} ({format})…</source>
        <translation>جارٍ فحص ⁨{source}⁩ ‏(⁨{format}⁩)…</translation>
    </message>
    <message>
        <source>Importing {source} ({format})…</source>
        <translation>جارٍ استيراد ⁨{source}⁩ ‏(⁨{format}⁩)…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <source>Reading and checking: {done} of {total} source documents</source>
        <translation>القراءة والفحص: مستند المصدر {done} من {total}</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written</source>
        <translation>أُلغي الاستيراد: لم يُكتَب شيء</translation>
    </message>
    <message>
        <source>{count} problem(s)</source>
        <translation>المشكلات: {count}</translation>
    </message>
    <message>
        <source>, {count} warning(s)</source>
        <translation>، التحذيرات: {count}</translation>
    </message>
    <message>
        <source>Check: {spans} span(s) would be imported into {files} file(s); {problems}{warnings}.</source>
        <translation>الفحص: ستُستورَد المقاطع ({spans}) إلى الملفات (⁨{files}⁩) ‏({problems}{warnings}).</translation>
    </message>
    <message>
        <source>Imported {spans} span(s) into {files} annotation file(s) from {read} source document(s); {problems} left out{warnings}.</source>
        <translation>استُوردت المقاطع ({spans}) إلى ملفات التوسيم (⁨{files}⁩) من مستندات المصدر ({read})؛ واستُبعِد ما فيه مشكلات ({problems}{warnings}).</translation>
    </message>
    <message>
        <source>Imported {spans} span(s) into {files} annotation file(s) from {read} source document(s){warnings}.</source>
        <translation>استُوردت المقاطع ({spans}) إلى ملفات التوسيم (⁨{files}⁩) من مستندات المصدر ({read}){warnings}.</translation>
    </message>
    <message>
        <source>Nothing was imported: {problems}{warnings}.</source>
        <translation>لم يُستورَد شيء ({problems}{warnings}).</translation>
    </message>
</context>
<context>
    <name>LabelAllDialog</name>
    <message>
        <source>Label all matches</source>
        <translation>وسم كل التطابقات</translation>
    </message>
    <message>
        <source>Label {count} matches of “{query}” in {documents} documents as {label}. Untick those that are not meant.</source>
        <translation>وسم {count} من تطابقات «⁨{query}⁩» في {documents} من المستندات بالتسمية ⁨{label}⁩. ألغِ تأشير ما لا تقصده منها.</translation>
    </message>
    <message numerus="yes">
        <source>%n more already carry this label and are left out.</source>
        <translation>
            <numerusform>ولم يُستبعَد أي تطابق آخر.</numerusform>
            <numerusform>واستُبعِد تطابق آخر لأنه موسوم بهذه التسمية من قبل.</numerusform>
            <numerusform>واستُبعِد تطابقان آخران لأنهما موسومان بهذه التسمية من قبل.</numerusform>
            <numerusform>واستُبعِدت %n تطابقات أخرى لأنها موسومة بهذه التسمية من قبل.</numerusform>
            <numerusform>واستُبعِد %n تطابقًا آخر لأنها موسومة بهذه التسمية من قبل.</numerusform>
            <numerusform>واستُبعِد %n تطابق آخر لأنها موسومة بهذه التسمية من قبل.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>تأشير ال&amp;كل</translation>
    </message>
    <message>
        <source>Tick &amp;none</source>
        <translation>إ&amp;لغاء تأشير الكل</translation>
    </message>
    <message>
        <source>&amp;Label the ticked matches</source>
        <translation>&amp;وسم التطابقات المؤشَّرة</translation>
    </message>
</context>
<context>
    <name>LabelAllModel</name>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Match in context</source>
        <translation>التطابق في سياقه</translation>
    </message>
    <message>
        <source>{doc}, offsets {start}–{end}</source>
        <translation>⁨{doc}⁩، الإزاحات ⁦{start}–{end}⁩</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <source>Labels:</source>
        <translation>التسميات:</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <source>No relation type starts at a span labelled {label}</source>
        <translation>لا يبدأ أي نوع من العلاقات من مقطع موسوم بالتسمية ⁨{label}⁩</translation>
    </message>
    <message>
        <source>No span that “{text}” can be linked to</source>
        <translation>لا يوجد مقطع يمكن ربط «⁨{text}⁩» به</translation>
    </message>
    <message>
        <source>No other relation type fits {source} → {target}</source>
        <translation>لا يناسب أيُّ نوع آخر من العلاقات ⁨{source}⁩ ← ⁨{target}⁩</translation>
    </message>
    <message>
        <source>Linking cancelled</source>
        <translation>أُلغي الربط</translation>
    </message>
    <message>
        <source>Link “{source}” to “{target}”: arrows or typing choose another span, Enter chooses this one, Escape cancels</source>
        <translation>ربط «⁨{source}⁩» بـ«⁨{target}⁩»: الأسهم أو الكتابة تختار مقطعًا آخر، و⁦Enter⁩ يختار هذا المقطع، و⁦Escape⁩ يُلغي</translation>
    </message>
    <message>
        <source>Relation type from “{source}” to “{target}”: {types} (a key, or arrows and Enter; Escape cancels)</source>
        <translation>نوع العلاقة من «⁨{source}⁩» إلى «⁨{target}⁩»: ⁨{types}⁩ (اضغط مفتاحًا، أو استعمل الأسهم و⁦Enter⁩؛ و⁦Escape⁩ يُلغي)</translation>
    </message>
    <message>
        <source>No span to link to holds “{text}”</source>
        <translation>لا يحتوي أي مقطع قابل للربط على «⁨{text}⁩»</translation>
    </message>
    <message>
        <source>“{key}” is not the key of a type offered</source>
        <translation>‏«⁨{key}⁩» ليس مفتاح أي نوع من الأنواع المعروضة</translation>
    </message>
    <message>
        <source>No relation type goes from {source} to {target}</source>
        <translation>لا يوجد نوع علاقة من ⁨{source}⁩ إلى ⁨{target}⁩</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>الرئيسي</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>التسميات</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>تو&amp;سيم</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>مستن&amp;د</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>م&amp;شروع</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>مرا&amp;جعة</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مس&amp;اعدة</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>ProjectSwitching</name>
    <message>
        <source>No other recent projects</source>
        <translation>لا مشاريع أخيرة أخرى</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>مسح القائمة</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>{folder} cannot be opened as a project:

{problems}

A project folder holds project.json and a documents/ folder of .txt files (&apos;annotator init&apos; makes one).</source>
        <translation>تعذّر فتح ⁨{folder}⁩ مشروعًا:

⁨{problems}⁩

في مجلد المشروع ملف project.json ومجلد documents/ فيه ملفات ‎.txt (ينشئه الأمر &apos;annotator init&apos;).</translation>
    </message>
    <message>
        <source>It was removed from the recent projects.</source>
        <translation>أُزيل من قائمة المشاريع الأخيرة.</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>{name} is already open</source>
        <translation>⁨{name}⁩ مفتوح من قبل</translation>
    </message>
    <message>
        <source>{name} has no documents yet</source>
        <translation>لا مستندات في ⁨{name}⁩ بعد</translation>
    </message>
</context>
<context>
    <name>RelationTableModel</name>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>الملاحظة</translation>
    </message>
</context>
<context>
    <name>Relations</name>
    <message>
        <source>{type}: “{source}” {arrow} “{target}”</source>
        <translation>‏⁨{type}⁩: «⁨{source}⁩» {arrow} «⁨{target}⁩»</translation>
    </message>
    <message>
        <source>Choose a relation first: a row of the Relations panel, a click on its name, or Alt+PgDown</source>
        <translation>اختر علاقة أولًا: بصفٍّ من لوح «العلاقات»، أو بالنقر على اسمها، أو بـ⁦Alt+PgDown⁩</translation>
    </message>
    <message>
        <source>No relations yet</source>
        <translation>لا علاقات بعد</translation>
    </message>
    <message>
        <source>Select the span a relation starts from (click it, or Alt+↓), then Ctrl+R</source>
        <translation>حدِّد المقطع الذي تبدأ منه العلاقة (انقره، أو استعمل ⁦Alt+↓⁩)، ثم اضغط ⁦Ctrl+R⁩</translation>
    </message>
    <message>
        <source>Linked {relation}</source>
        <translation>تمّ الربط: {relation}</translation>
    </message>
    <message>
        <source>Relation is now {relation}</source>
        <translation>صارت العلاقة: {relation}</translation>
    </message>
    <message>
        <source>A {type} relation cannot go from {source} to {target}</source>
        <translation>لا يمكن لعلاقة من نوع ⁨{type}⁩ أن تمتد من ⁨{source}⁩ إلى ⁨{target}⁩</translation>
    </message>
    <message>
        <source>Reversed: {relation}</source>
        <translation>عُكس الاتجاه: {relation}</translation>
    </message>
    <message>
        <source>Deleted relation {relation} (Ctrl+Z brings it back)</source>
        <translation>حُذفت العلاقة {relation} (يعيدها ⁦Ctrl+Z⁩)</translation>
    </message>
    <message>
        <source>Relation note</source>
        <translation>ملاحظة العلاقة</translation>
    </message>
    <message>
        <source>Note on {relation}:</source>
        <translation>ملاحظة على {relation}:</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>تغيير النوع</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>عكس الاتجاه</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>ملاحظة…</translation>
    </message>
    <message>
        <source>Delete relation</source>
        <translation>حذف العلاقة</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Accept {a}&apos;s</source>
        <translation>اعتماد نسخة ⁨{a}⁩</translation>
    </message>
    <message>
        <source>Accept {b}&apos;s</source>
        <translation>اعتماد نسخة ⁨{b}⁩</translation>
    </message>
    <message>
        <source>Accept both</source>
        <translation>اعتماد النسختين</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>{name}&apos;s file has problems and is left out (run &apos;annotator validate&apos;)</source>
        <translation>في ملف ⁨{name}⁩ مشكلات فاستُبعِد (شغِّل &apos;annotator validate&apos;)</translation>
    </message>
    <message>
        <source>{name}&apos;s file was made on an older text: its spans are re-anchored</source>
        <translation>أُعِدّ ملف ⁨{name}⁩ على نص أقدم: أُعيد تثبيت مقاطعه</translation>
    </message>
    <message>
        <source>{name}: {message}</source>
        <translation>⁨{name}⁩: ⁨{message}⁩</translation>
    </message>
    <message>
        <source>No annotator has annotated {doc} yet: nothing to compare.</source>
        <translation>لم يوسم أي مُعلِّق ⁨{doc}⁩ بعد: لا شيء للمقارنة.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>غير متاح</translation>
    </message>
    <message numerus="yes">
        <source>%n annotators</source>
        <translation>
            <numerusform>لا مُعلِّقين</numerusform>
            <numerusform>مُعلِّق واحد</numerusform>
            <numerusform>مُعلِّقان</numerusform>
            <numerusform>%n مُعلِّقين</numerusform>
            <numerusform>%n مُعلِّقًا</numerusform>
            <numerusform>%n مُعلِّق</numerusform>
        </translation>
    </message>
    <message>
        <source>Reviewer {name}, writing gold</source>
        <translation>المراجِع ⁨{name}⁩، يكتب المعيار الذهبي</translation>
    </message>
    <message>
        <source>Pick annotators to compare</source>
        <translation>اختر المُعلِّقين للمقارنة</translation>
    </message>
    <message>
        <source>{head}: F1 {f1} · overlap {overlap}</source>
        <translation>{head}: F1 {f1} · التداخل {overlap}</translation>
    </message>
    <message>
        <source>{a} ↔ {b}: F1 {f1}, overlap F1 {overlap}, κ {kappa} ({same} identical of {count_a} / {count_b})</source>
        <translation>⁨{a}⁩ ↔ ⁨{b}⁩: F1 {f1}، وF1 بالتداخل {overlap}، وκ {kappa} (المتطابق {same} من {count_a} / {count_b})</translation>
    </message>
    <message>
        <source>. Agreement on {doc}, per pair:
{pairs}</source>
        <translation>. الاتفاق على ⁨{doc}⁩ لكل زوج:
{pairs}</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>No differences listed</source>
        <translation>لا اختلافات في القائمة</translation>
    </message>
    <message>
        <source>No more differences that way</source>
        <translation>لا مزيد من الاختلافات في هذا الاتجاه</translation>
    </message>
    <message>
        <source>Select a difference first (F8 / Shift+F8, or click it)</source>
        <translation>حدِّد اختلافًا أولًا (F8 / Shift+F8، أو انقره)</translation>
    </message>
    <message>
        <source>Not done: {why}</source>
        <translation>لم يُنفَّذ: ⁨{why}⁩</translation>
    </message>
    <message>
        <source>Gold already holds that</source>
        <translation>هذا في المعيار الذهبي من قبل</translation>
    </message>
    <message>
        <source>That was the last difference</source>
        <translation>كان ذلك آخر اختلاف</translation>
    </message>
    <message>
        <source>Both extents carry the label {label} and overlap: flat exports (CoNLL) would keep only the longer one</source>
        <translation>يحمل الامتدادان التسمية ⁨{label}⁩ ويتداخلان: صيغ التصدير المسطَّحة (⁦CoNLL⁩) لن تُبقي إلا الأطول منهما</translation>
    </message>
    <message>
        <source>Accept both extents?</source>
        <translation>هل تعتمد الامتدادين كليهما؟</translation>
    </message>
    <message>
        <source>A&apos;s extent “{a}” ({who_a}) and B&apos;s extent “{b}” ({who_b}) overlap and carry the same label, {label}. Gold may hold both, but CoNLL and the other flat exports keep only the longer one. Choose one extent instead?</source>
        <translation>يتداخل امتداد A «⁨{a}⁩» (⁨{who_a}⁩) وامتداد B «⁨{b}⁩» (⁨{who_b}⁩)، ويحملان التسمية نفسها ⁨{label}⁩. يمكن أن يحوي المعيار الذهبي كليهما، لكن ⁦CoNLL⁩ وسائر صيغ التصدير المسطَّحة لا تُبقي إلا الأطول منهما. هل تختار امتدادًا واحدًا بدلًا من ذلك؟</translation>
    </message>
    <message>
        <source>Only A&apos;s “{text}”</source>
        <translation>امتداد A وحده «⁨{text}⁩»</translation>
    </message>
    <message>
        <source>Only B&apos;s “{text}”</source>
        <translation>امتداد B وحده «⁨{text}⁩»</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>إبقاء الاثنين</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Nothing changed</source>
        <translation>لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>accept both ends of the relation into gold first</source>
        <translation>اعتمد طرفَي العلاقة كليهما في المعيار الذهبي أولًا</translation>
    </message>
    <message>
        <source>accept the span into gold first</source>
        <translation>اعتمد المقطع في المعيار الذهبي أولًا</translation>
    </message>
    <message>
        <source>A and B give an attribute different values: choose A&apos;s or B&apos;s</source>
        <translation>يعطي A وB إحدى السمات قيمتين مختلفتين: اختر قيمة A أو قيمة B</translation>
    </message>
    <message>
        <source>Editing gold “{text}”: a label key relabels it, Alt+←/→ and Alt+Shift+←/→ move its ends, F2 edits its note</source>
        <translation>تحرير «⁨{text}⁩» في المعيار الذهبي: مفتاح التسمية يغيّر تسميته، وAlt+←/→ وAlt+Shift+←/→ تحرِّك طرفيه، وF2 يحرِّر ملاحظته</translation>
    </message>
    <message>
        <source>Agreed spans need two annotators besides gold</source>
        <translation>المقاطع المتفق عليها تحتاج إلى مُعلِّقَين اثنين سوى المعيار الذهبي</translation>
    </message>
    <message>
        <source>No span was marked identically by all of {names}</source>
        <translation>لم يسِم ⁨{names}⁩ جميعًا أيَّ مقطع بالطريقة نفسها</translation>
    </message>
    <message>
        <source>Every agreed span is already in gold</source>
        <translation>كل مقطع متفق عليه موجود في المعيار الذهبي من قبل</translation>
    </message>
    <message>
        <source>{what} into gold (one undo step)</source>
        <translation>{what} إلى المعيار الذهبي (خطوة تراجع واحدة)</translation>
    </message>
</context>
<context>
    <name>ReviewDecorations</name>
    <message>
        <source>same</source>
        <translation>متطابق</translation>
    </message>
    <message>
        <source>same span, different label</source>
        <translation>المقطع نفسه بتسمية مختلفة</translation>
    </message>
    <message>
        <source>overlapping boundaries</source>
        <translation>حدود متداخلة</translation>
    </message>
    <message>
        <source>only in A ({a})</source>
        <translation>في A وحده (⁨{a}⁩)</translation>
    </message>
    <message>
        <source>only in B ({b})</source>
        <translation>في B وحده (⁨{b}⁩)</translation>
    </message>
    <message>
        <source>same span, different attributes</source>
        <translation>المقطع نفسه بسمات مختلفة</translation>
    </message>
    <message>
        <source>same span, different note</source>
        <translation>المقطع نفسه بملاحظة مختلفة</translation>
    </message>
    <message>
        <source>relation of one only</source>
        <translation>علاقة لدى أحدهما فقط</translation>
    </message>
    <message>
        <source>Gold: {span} — note: {note}</source>
        <translation>المعيار الذهبي: ⁨{span}⁩ — ملاحظة: ⁨{note}⁩</translation>
    </message>
    <message>
        <source>Gold: {span}</source>
        <translation>المعيار الذهبي: ⁨{span}⁩</translation>
    </message>
    <message>
        <source>Reviewer&apos;s note on gold {span}: {note}</source>
        <translation>ملاحظة المراجِع على المعيار الذهبي ⁨{span}⁩: ⁨{note}⁩</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>The reference annotator (A): the others are compared with A</source>
        <translation>المُعلِّق المرجعي (A): يُقارَن الآخرون به</translation>
    </message>
    <message>
        <source>Compare A:</source>
        <translation>قارِن A:</translation>
    </message>
    <message>
        <source>with B:</source>
        <translation>مع B:</translation>
    </message>
    <message>
        <source>in gold (filled in the label&apos;s colour)</source>
        <translation>في المعيار الذهبي (مملوء بلون التسمية)</translation>
    </message>
    <message>
        <source>In the text: a bar above the words is what A marked, a dashed bar below is what B marked, each in its label&apos;s colour and named; grey brackets mark a difference. Hover for details.</source>
        <translation>في النص: الشريط فوق الكلمات هو ما وسمه A، والشريط المتقطع تحتها هو ما وسمه B، كلٌّ منهما بلون تسميته ومعه اسمها؛ والأقواس المعقوفة الرمادية تدل على اختلاف. مرِّر المؤشر فوق النص لمزيد من التفاصيل.</translation>
    </message>
    <message>
        <source>Hide agreed</source>
        <translation>إخفاء المتفق عليه</translation>
    </message>
    <message>
        <source>List only the differences (the agreed spans stay coloured in the text)</source>
        <translation>عرض الاختلافات وحدها (تبقى المقاطع المتفق عليها ملوَّنة في النص)</translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <source>The summary appears here when the run ends.</source>
        <translation>يظهر الملخص هنا عند انتهاء العملية.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop now; nothing is written</source>
        <translation>الإيقاف الآن؛ لن يُكتَب شيء</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>ت&amp;صفّح…</translation>
    </message>
    <message>
        <source>“{field}”</source>
        <translation>⁨«{field}»⁩</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>{failed}: {count} problem(s); nothing was written</source>
        <translation>{failed}: المشكلات: {count}؛ لم يُكتَب شيء</translation>
    </message>
    <message>
        <source>{failed}: nothing was written</source>
        <translation>{failed}: لم يُكتَب شيء</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشلت العملية</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} من {total}</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>Nothing saved: {doc} could not be opened and is left as it is</source>
        <translation>لم يُحفَظ شيء: تعذّر فتح ⁨{doc}⁩ فتُرك كما هو</translation>
    </message>
    <message>
        <source>Nothing to save: no document is open</source>
        <translation>لا شيء لحفظه: لا مستند مفتوح</translation>
    </message>
    <message>
        <source>Not saved: this file is open read-only</source>
        <translation>لم يُحفَظ: هذا الملف مفتوح للقراءة فقط</translation>
    </message>
    <message>
        <source>Nothing to save: {doc} has no changes since it was last saved</source>
        <translation>لا شيء لحفظه: لا تغييرات في ⁨{doc}⁩ منذ آخر حفظ</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>حُفظ ⁨{path}⁩</translation>
    </message>
    <message>
        <source>Not saved: {file} changed on disk; choose in the banner above the text</source>
        <translation>لم يُحفَظ: تغيّر ⁨{file}⁩ على القرص؛ اختر من الشريط فوق النص</translation>
    </message>
    <message>
        <source>{file} {why}. Your latest changes are not saved yet: keep your version (theirs is copied aside), or take theirs (yours is copied aside).</source>
        <translation>⁨{file}⁩: ⁨{why}⁩. لم تُحفَظ آخر تغييراتك بعد: أبقِ نسختك (وتُنسَخ نسختهم جانبًا)، أو خذ نسختهم (وتُنسَخ نسختك جانبًا).</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>إبقاء نسختي</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>أخذ نسختهم</translation>
    </message>
    <message>
        <source>Saved your version; their version is in {file}</source>
        <translation>حُفظت نسختك؛ ونسختهم في ⁨{file}⁩</translation>
    </message>
    <message>
        <source>Saved your version</source>
        <translation>حُفظت نسختك</translation>
    </message>
    <message>
        <source>Opened their version; yours is in {file}</source>
        <translation>فُتحت نسختهم؛ ونسختك في ⁨{file}⁩</translation>
    </message>
    <message>
        <source>Could not save: {why}</source>
        <translation>تعذّر الحفظ: ⁨{why}⁩</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>لم يُحفَظ: ⁨{why}⁩</translation>
    </message>
</context>
<context>
    <name>SchemaDialog</name>
    <message>
        <source>Not changed: the name breaks the naming rules (1 to 64 characters, no white space).</source>
        <translation>لم يُغيَّر شيء: الاسم يخالف قواعد الأسماء (من 1 إلى 64 حرفًا، دون مسافات بيضاء).</translation>
    </message>
    <message>
        <source>Not changed: the name is already used.</source>
        <translation>لم يُغيَّر شيء: الاسم مستعمل من قبل.</translation>
    </message>
    <message>
        <source>Not changed: there is no such name.</source>
        <translation>لم يُغيَّر شيء: لا يوجد اسم كهذا.</translation>
    </message>
    <message>
        <source>Not changed: a key is one printable character that is not a space.</source>
        <translation>لم يُغيَّر شيء: المفتاح حرف واحد قابل للطباعة وليس مسافة.</translation>
    </message>
    <message>
        <source>Not changed: the key is already used.</source>
        <translation>لم يُغيَّر شيء: المفتاح مستعمل من قبل.</translation>
    </message>
    <message>
        <source>Not changed: a colour is written #rrggbb.</source>
        <translation>لم يُغيَّر شيء: يُكتب اللون بالصيغة ⁦#rrggbb⁩.</translation>
    </message>
    <message>
        <source>Not changed: each end of a relation type needs at least one label of the project.</source>
        <translation>لم يُغيَّر شيء: يحتاج كل طرف من طرفَي نوع العلاقة إلى تسمية واحدة على الأقل من تسميات المشروع.</translation>
    </message>
    <message>
        <source>Not changed: values must be non-empty and different.</source>
        <translation>لم يُغيَّر شيء: يجب أن تكون القيم غير فارغة ومختلفة بعضها عن بعض.</translation>
    </message>
    <message>
        <source>Not changed: annotations in the project&apos;s files would no longer fit.</source>
        <translation>لم يُغيَّر شيء: لن تعود بعض التوسيمات في ملفات المشروع متوافقة مع التغيير.</translation>
    </message>
    <message>
        <source>Labels and relations</source>
        <translation>التسميات والعلاقات</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>السمة</translation>
    </message>
    <message>
        <source>Values (separated by commas)</source>
        <translation>القيم (مفصولة بفواصل)</translation>
    </message>
    <message>
        <source>Relation type</source>
        <translation>نوع العلاقة</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>New label name</source>
        <translation>اسم التسمية الجديدة</translation>
    </message>
    <message>
        <source>New attribute name</source>
        <translation>اسم السمة الجديدة</translation>
    </message>
    <message>
        <source>Its values, separated by commas</source>
        <translation>قيمها، مفصولة بفواصل</translation>
    </message>
    <message>
        <source>New relation type name</source>
        <translation>اسم نوع العلاقة الجديد</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>التسميات</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>إضافة تسمية</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>اللون…</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>إضافة سمة</translation>
    </message>
    <message>
        <source>Relation types</source>
        <translation>أنواع العلاقات</translation>
    </message>
    <message>
        <source>This project accepts any relation type (it was made before relation types existed). Below are the types it offers; changing any of them, or renaming a label, writes them all and makes the list binding: every relation must then have one of its types.</source>
        <translation>يقبل هذا المشروع أي نوع من العلاقات (فقد أُنشئ قبل وجود أنواع العلاقات). وفيما يلي الأنواع التي يعرضها؛ وتغيير أيٍّ منها، أو تغيير اسم تسمية، يكتبها كلها ويجعل القائمة مُلزِمة: يجب عندئذٍ أن يكون لكل علاقة نوعٌ من أنواعها.</translation>
    </message>
    <message>
        <source>Add relation type</source>
        <translation>إضافة نوع علاقة</translation>
    </message>
    <message>
        <source>From (labels)</source>
        <translation>من (التسميات)</translation>
    </message>
    <message>
        <source>To (labels)</source>
        <translation>إلى (التسميات)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to apply</source>
        <translation>
            <numerusform>لا تغييرات بانتظار التطبيق</numerusform>
            <numerusform>تغيير واحد بانتظار التطبيق</numerusform>
            <numerusform>تغييران بانتظار التطبيق</numerusform>
            <numerusform>%n تغييرات بانتظار التطبيق</numerusform>
            <numerusform>%n تغييرًا بانتظار التطبيق</numerusform>
            <numerusform>%n تغيير بانتظار التطبيق</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to choose another colour</source>
        <translation>انقر نقرًا مزدوجًا لاختيار لون آخر</translation>
    </message>
    <message>
        <source>Attributes of {label}</source>
        <translation>سمات ⁨{label}⁩</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>اختر لونًا</translation>
    </message>
    <message>
        <source>Nothing was changed: {why}</source>
        <translation>لم يُغيَّر شيء: ⁨{why}⁩</translation>
    </message>
</context>
<context>
    <name>SchemaEditing</name>
    <message>
        <source>Labels and relations saved; {files} annotation file(s) updated</source>
        <translation>حُفظت التسميات والعلاقات؛ ملفات التوسيم المُحدَّثة: {files}</translation>
    </message>
    <message>
        <source>{saved}. Undo history cleared (documents read again).</source>
        <translation>{saved}. مُسح سجل التراجع (أُعيدت قراءة المستندات).</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Your annotator name</source>
        <translation>اسمك مُعلِّقًا</translation>
    </message>
    <message>
        <source>Text size (points)</source>
        <translation>حجم النص (بالنقاط)</translation>
    </message>
    <message>
        <source>Snap selections to whole words</source>
        <translation>توسيع التحديد إلى كلمات كاملة</translation>
    </message>
    <message>
        <source>Autosave delay after a change (ms)</source>
        <translation>مهلة الحفظ التلقائي بعد التغيير (بالملّي ثانية)</translation>
    </message>
    <message>
        <source>Window geometry</source>
        <translation>موضع النافذة وحجمها</translation>
    </message>
    <message>
        <source>Docks and toolbars</source>
        <translation>الألواح وأشرطة الأدوات</translation>
    </message>
    <message>
        <source>Docks and toolbars (right to left)</source>
        <translation>الألواح وأشرطة الأدوات (من اليمين إلى اليسار)</translation>
    </message>
    <message>
        <source>Recently opened projects (newest first)</source>
        <translation>المشاريع المفتوحة مؤخرًا (الأحدث أولًا)</translation>
    </message>
    <message>
        <source>Language of the interface (after a restart)</source>
        <translation>لغة الواجهة (بعد إعادة التشغيل)</translation>
    </message>
    <message>
        <source>Sync with the team every so many minutes (0: only when asked)</source>
        <translation>المزامنة مع الفريق كل عدد من الدقائق (0: عند الطلب فقط)</translation>
    </message>
    <message>
        <source>Sync with the team when closing</source>
        <translation>المزامنة مع الفريق عند الإغلاق</translation>
    </message>
    <message>
        <source>List only the documents assigned to me</source>
        <translation>عرض المستندات المُسنَدة إليّ فقط</translation>
    </message>
    <message>
        <source>Show machine suggestions in the text</source>
        <translation>إظهار الاقتراحات الآلية في النص</translation>
    </message>
    <message>
        <source>Model folder last used for suggestions</source>
        <translation>مجلد النموذج المستعمل آخر مرة للاقتراحات</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Filter by command, menu or key</source>
        <translation>التصفية حسب الأمر أو القائمة أو المفتاح</translation>
    </message>
    <message>
        <source>In the find bar: Enter and Shift+Enter step through the matches, Escape closes it. Shortcuts can be changed in the settings file, under [shortcuts].</source>
        <translation>في شريط البحث: ينتقل ⁦Enter⁩ و⁦Shift+Enter⁩ بين التطابقات، ويغلقه ⁦Escape⁩. يمكن تغيير الاختصارات في ملف الإعدادات، تحت ⁦[shortcuts]⁩.</translation>
    </message>
</context>
<context>
    <name>ShortcutsModel</name>
    <message>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>SpanAttributes</name>
    <message>
        <source>No span selected: click a span, or use Alt+↓ / Alt+↑</source>
        <translation>لم يُحدَّد مقطع: انقر مقطعًا، أو استعمل ⁦Alt+↓⁩ / ⁦Alt+↑⁩</translation>
    </message>
    <message>
        <source>{label} has no attributes (Project &gt; Labels and relations… adds some)</source>
        <translation>ليس للتسمية ⁨{label}⁩ سمات (تُضاف السمات من «مشروع &gt; التسميات والعلاقات…»)</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <source>End</source>
        <translation>النهاية</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>الملاحظة</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>مُنجَز</translation>
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation>أُنجِز {done} من {total}</translation>
    </message>
    <message>
        <source>Annotator: {name}</source>
        <translation>المُعلِّق: ⁨{name}⁩</translation>
    </message>
    <message>
        <source>{doc} · reading its spans…</source>
        <translation>⁨{doc}⁩ · تُقرأ مقاطعه…</translation>
    </message>
    <message>
        <source>Read-only until its spans are read</source>
        <translation>للقراءة فقط حتى تُقرأ مقاطعه</translation>
    </message>
    <message>
        <source>{doc} · cannot be opened</source>
        <translation>⁨{doc}⁩ · تعذّر فتحه</translation>
    </message>
    <message>
        <source>Not opened: nothing is written</source>
        <translation>لم يُفتَح: لا يُكتَب شيء</translation>
    </message>
    <message>
        <source>{doc} · {status}</source>
        <translation>⁨{doc}⁩ · {status}</translation>
    </message>
    <message numerus="yes">
        <source>%n spans</source>
        <translation>
            <numerusform>لا مقاطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%n مقاطع</numerusform>
            <numerusform>%n مقطعًا</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (+%n unplaced)</source>
        <translation>
            <numerusform> (+%n بلا موضع)</numerusform>
            <numerusform> (+%n بلا موضع)</numerusform>
            <numerusform> (+%n بلا موضع)</numerusform>
            <numerusform> (+%n بلا موضع)</numerusform>
            <numerusform> (+%n بلا موضع)</numerusform>
            <numerusform> (+%n بلا موضع)</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <source>Not saved: changed on disk</source>
        <translation>لم يُحفَظ: تغيّر على القرص</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>محفوظ</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>Offset {offset}</source>
        <translation>الموضع {offset}</translation>
    </message>
    <message>
        <source>{doc} — {project} — Annotator</source>
        <translation>⁨{doc}⁩ — ⁨{project}⁩ — محرر التوسيم</translation>
    </message>
    <message>
        <source>{project} — Annotator</source>
        <translation>⁨{project}⁩ — محرر التوسيم</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <source>Suggest</source>
        <translation>توليد اقتراحات</translation>
    </message>
    <message>
        <source>All documents ({count})</source>
        <translation>كل المستندات ({count})</translation>
    </message>
    <message>
        <source>This document ({doc})</source>
        <translation>هذا المستند (⁨{doc}⁩)</translation>
    </message>
    <message>
        <source>&amp;Documents:</source>
        <translation>ال&amp;مستندات:</translation>
    </message>
    <message>
        <source>Gazetteer</source>
        <translation>معجم الأسماء</translation>
    </message>
    <message>
        <source>Trained model</source>
        <translation>نموذج مُدرَّب</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>المص&amp;در:</translation>
    </message>
    <message>
        <source>&amp;Model folder:</source>
        <translation>مجلد ال&amp;نموذج:</translation>
    </message>
    <message>
        <source>The folder &apos;annotator train&apos; saved</source>
        <translation>المجلد الذي حفظ فيه الأمر ⁦&apos;annotator train&apos;⁩ النموذج</translation>
    </message>
    <message>
        <source>Stop after the document being written; those done keep their new suggestions</source>
        <translation>التوقف بعد المستند الجاري كتابته؛ وتحتفظ المستندات التي انتهت كتابتها باقتراحاتها الجديدة</translation>
    </message>
    <message>
        <source>&amp;Suggest</source>
        <translation>&amp;توليد</translation>
    </message>
    <message>
        <source>Write the suggestions (they replace this source&apos;s earlier ones)</source>
        <translation>كتابة الاقتراحات (تحلّ محل اقتراحات هذا المصدر السابقة)</translation>
    </message>
    <message>
        <source>Suggesting with a model needs spaCy, which is not installed; install it with: {command}</source>
        <translation>يتطلب الاقتراح بنموذجٍ مكتبةَ spaCy، وهي غير مثبَّتة؛ ثبِّتها بالأمر: ⁦{command}⁩</translation>
    </message>
    <message>
        <source>A model &apos;annotator train&apos; saved: every span it predicts, with its probability as the score</source>
        <translation>نموذج حفظه الأمر ⁦&apos;annotator train&apos;⁩: كل مقطع يتنبأ به، ودرجته هي الاحتمال الذي يعطيه النموذج</translation>
    </message>
    <message>
        <source>Every span text labelled in gold or in a file marked done, with its most frequent label</source>
        <translation>كل نص مقطع موسوم في المعيار الذهبي أو في ملف مُعلَّم مُنجَزًا، بأكثر تسمياته تكرارًا</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>مجلد النموذج</translation>
    </message>
    <message>
        <source>Choose the folder of a trained model (made by &apos;annotator train&apos;)</source>
        <translation>اختر مجلد نموذج مُدرَّب (يُنشئه الأمر ⁦&apos;annotator train&apos;⁩)</translation>
    </message>
    <message>
        <source>There is no folder {folder}</source>
        <translation>لا يوجد مجلد ⁨{folder}⁩</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>جارٍ تحميل النموذج…</translation>
    </message>
    <message>
        <source>Reading the labelled spans…</source>
        <translation>جارٍ قراءة المقاطع الموسومة…</translation>
    </message>
    <message>
        <source>Document {done} of {total}</source>
        <translation>المستند {done} من {total}</translation>
    </message>
    <message>
        <source>{count} predicted span(s) left out: their labels are not in the project ({labels})</source>
        <translation>استُبعد من المقاطع المتنبَّأ بها {count}: تسمياتها ليست في المشروع (⁨{labels}⁩)</translation>
    </message>
    <message>
        <source>{count} suggestion(s) in {documents} document(s)</source>
        <translation>الاقتراحات: {count}، والمستندات: {documents}</translation>
    </message>
    <message>
        <source>Cancelled after {documents} document(s) ({count} suggestion(s) written)</source>
        <translation>أُلغيت العملية بعد {documents} من المستندات (الاقتراحات المكتوبة: {count})</translation>
    </message>
</context>
<context>
    <name>Suggesting</name>
    <message>
        <source>No suggestions in this document</source>
        <translation>لا اقتراحات في هذا المستند</translation>
    </message>
    <message>
        <source>No more suggestions in this document</source>
        <translation>لا مزيد من الاقتراحات في هذا المستند</translation>
    </message>
    <message>
        <source>No suggestion at the cursor (F7 goes to the next one)</source>
        <translation>لا اقتراح عند المؤشر (ينتقل ⁦F7⁩ إلى الاقتراح التالي)</translation>
    </message>
    <message>
        <source>Accepted {count} suggestion(s) (Ctrl+Z undoes them)</source>
        <translation>قُبلت الاقتراحات: {count} (يتراجع ⁦Ctrl+Z⁩ عنها)</translation>
    </message>
    <message>
        <source>Rejected {count} suggestion(s) (Ctrl+Z undoes them)</source>
        <translation>رُفضت الاقتراحات: {count} (يتراجع ⁦Ctrl+Z⁩ عنها)</translation>
    </message>
</context>
<context>
    <name>SuggestionMarks</name>
    <message>
        <source>Suggestion: {label} “{text}” (from {source}, score {score})</source>
        <translation>اقتراح: ⁨{label}⁩ «⁨{text}⁩» (من ⁨{source}⁩، الدرجة {score})</translation>
    </message>
    <message>
        <source>overlaps your {label} span {ids}</source>
        <translation>يتداخل مع مقطعك ⁨{label}⁩ (⁨{ids}⁩)</translation>
    </message>
</context>
<context>
    <name>Syncing</name>
    <message>
        <source>This project is not shared through git yet. Ask your coordinator for the address of the team&apos;s repository and work in a clone of it (&apos;git clone URL&apos;), or make this folder one (&apos;git init&apos;, then &apos;git remote add origin URL&apos;).</source>
        <translation>هذا المشروع غير مُشارَك عبر git بعد. اطلب من المنسِّق عنوان مستودع الفريق واعمل في نسخة مستنسَخة منه (⁦&apos;git clone URL&apos;⁩)، أو اجعل هذا المجلد نسخة منه (⁦&apos;git init&apos;⁩، ثم ⁦&apos;git remote add origin URL&apos;⁩).</translation>
    </message>
    <message>
        <source>Add the team&apos;s repository as the remote: &apos;git remote add origin URL&apos; in the project folder.</source>
        <translation>أضِف مستودع الفريق مستودعًا بعيدًا: ⁦&apos;git remote add origin URL&apos;⁩ في مجلد المشروع.</translation>
    </message>
    <message>
        <source>Go back to your branch in a terminal (&apos;git switch main&apos; in the project folder).</source>
        <translation>عُد إلى فرعك في الطرفية (⁦&apos;git switch main&apos;⁩ في مجلد المشروع).</translation>
    </message>
    <message>
        <source>Finish it (&apos;git rebase --continue&apos;) or undo it (&apos;git rebase --abort&apos;) in a terminal in the project folder.</source>
        <translation>أكمِل إعادة التأسيس (⁦&apos;git rebase --continue&apos;⁩) أو ألغِها (⁦&apos;git rebase --abort&apos;⁩) في طرفية داخل مجلد المشروع.</translation>
    </message>
    <message>
        <source>Sync sends only your own files, and files that are not yours were changed in this folder. Undo those changes (&apos;git status&apos; lists them) or ask your coordinator.</source>
        <translation>لا تُرسِل المزامنة إلا ملفاتك أنت، وقد تغيّرت في هذا المجلد ملفات ليست لك. تراجع عن تلك التغييرات (يسردها ⁦&apos;git status&apos;⁩) أو اسأل المنسِّق.</translation>
    </message>
    <message>
        <source>Install git (e.g. &apos;sudo apt-get install git&apos;), then sync again.</source>
        <translation>ثبِّت git (بالأمر ⁦&apos;sudo apt-get install git&apos;⁩ مثلًا)، ثم زامِن مرة أخرى.</translation>
    </message>
    <message>
        <source>The team&apos;s repository did not answer: check the network, then sync again. Your work is saved on this computer.</source>
        <translation>لم يستجب مستودع الفريق: تحقّق من الشبكة، ثم زامِن مرة أخرى. عملك محفوظ على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The team&apos;s repository could not be reached: check the network and your access to it (git credentials or SSH key), then sync again. Your work is saved on this computer.</source>
        <translation>تعذّر الوصول إلى مستودع الفريق: تحقّق من الشبكة ومن صلاحية وصولك إليه (بيانات اعتماد git أو مفتاح SSH)، ثم زامِن مرة أخرى. عملك محفوظ على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Your files could not be sent: check your access to the team&apos;s repository, then sync again. Your work is committed on this computer.</source>
        <translation>تعذّر إرسال ملفاتك: تحقّق من صلاحية وصولك إلى مستودع الفريق، ثم زامِن مرة أخرى. عملك مُودَع في git على هذا الحاسوب.</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>كل %n دقيقة</numerusform>
            <numerusform>كل دقيقة</numerusform>
            <numerusform>كل دقيقتين</numerusform>
            <numerusform>كل %n دقائق</numerusform>
            <numerusform>كل %n دقيقة</numerusform>
            <numerusform>كل %n دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation>عند طلبي فقط</translation>
    </message>
    <message>
        <source>Also when closing the window</source>
        <translation>وعند إغلاق النافذة أيضًا</translation>
    </message>
    <message>
        <source>A sync is already running</source>
        <translation>هناك مزامنة جارية بالفعل</translation>
    </message>
    <message>
        <source>the file changed on disk; choose in the banner above the text</source>
        <translation>تغيّر الملف على القرص؛ اختر من الشريط فوق النص</translation>
    </message>
    <message>
        <source>it could not be written</source>
        <translation>تعذّرت كتابته</translation>
    </message>
    <message>
        <source>Your changes to {doc} are not saved ({reason}). Resolve that in the window, then sync again.</source>
        <translation>تغييراتك في ⁨{doc}⁩ غير محفوظة (⁨{reason}⁩). عالج ذلك في النافذة، ثم زامِن مرة أخرى.</translation>
    </message>
    <message>
        <source>Nothing was sent or received.</source>
        <translation>لم يُرسَل شيء ولم يُستلَم شيء.</translation>
    </message>
    <message>
        <source>The team&apos;s project.json cannot be read: {problem}</source>
        <translation>تتعذّر قراءة ملف project.json الخاص بالفريق: ⁨{problem}⁩</translation>
    </message>
    <message numerus="yes">
        <source>sent %n file(s)</source>
        <translation>
            <numerusform>لم يُرسَل أي ملف</numerusform>
            <numerusform>أُرسل ملف واحد</numerusform>
            <numerusform>أُرسل ملفان</numerusform>
            <numerusform>أُرسلت %n ملفات</numerusform>
            <numerusform>أُرسل %n ملفًا</numerusform>
            <numerusform>أُرسل %n ملف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %n file(s)</source>
        <translation>
            <numerusform>لم يُستلَم أي ملف</numerusform>
            <numerusform>استُلم ملف واحد</numerusform>
            <numerusform>استُلم ملفان</numerusform>
            <numerusform>استُلمت %n ملفات</numerusform>
            <numerusform>استُلم %n ملفًا</numerusform>
            <numerusform>استُلم %n ملف</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to send or receive</source>
        <translation>لا شيء للإرسال أو الاستلام</translation>
    </message>
    <message>
        <source>Synced with the team: {what}</source>
        <translation>تمّت المزامنة مع الفريق: {what}</translation>
    </message>
    <message numerus="yes">
        <source>Synced with the team: {what}.

%n file(s) were changed both on this computer and by the team. The team&apos;s version is now in place and yours was kept aside; open the document to keep yours or take theirs:
{documents}</source>
        <translation>
            <numerusform>تمّت المزامنة مع الفريق: {what}.

لم يتغيّر أي ملف على هذا الحاسوب ولدى الفريق معًا:
{documents}</numerusform>
            <numerusform>تمّت المزامنة مع الفريق: {what}.

تغيّر ملف واحد على هذا الحاسوب ولدى الفريق معًا. وُضعت نسخة الفريق مكانه وحُفظت نسختك جانبًا؛ افتح المستند لتُبقي نسختك أو تأخذ نسختهم:
{documents}</numerusform>
            <numerusform>تمّت المزامنة مع الفريق: {what}.

تغيّر ملفان على هذا الحاسوب ولدى الفريق معًا. وُضعت نسخة الفريق مكان كل منهما وحُفظت نسختك جانبًا؛ افتح المستند لتُبقي نسختك أو تأخذ نسختهم:
{documents}</numerusform>
            <numerusform>تمّت المزامنة مع الفريق: {what}.

تغيّرت %n ملفات على هذا الحاسوب ولدى الفريق معًا. وُضعت نسخة الفريق مكان كل منها وحُفظت نسختك جانبًا؛ افتح المستند لتُبقي نسختك أو تأخذ نسختهم:
{documents}</numerusform>
            <numerusform>تمّت المزامنة مع الفريق: {what}.

تغيّر %n ملفًا على هذا الحاسوب ولدى الفريق معًا. وُضعت نسخة الفريق مكان كل منها وحُفظت نسختك جانبًا؛ افتح المستند لتُبقي نسختك أو تأخذ نسختهم:
{documents}</numerusform>
            <numerusform>تمّت المزامنة مع الفريق: {what}.

تغيّر %n ملف على هذا الحاسوب ولدى الفريق معًا. وُضعت نسخة الفريق مكان كل منها وحُفظت نسختك جانبًا؛ افتح المستند لتُبقي نسختك أو تأخذ نسختهم:
{documents}</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Open {doc}</source>
        <translation>فتح ⁨{doc}⁩</translation>
    </message>
    <message>
        <source>Changed here and by the team</source>
        <translation>تغيّر هنا ولدى الفريق</translation>
    </message>
    <message>
        <source>Automatic sync failed: {why}</source>
        <translation>فشلت المزامنة التلقائية: ⁨{why}⁩</translation>
    </message>
    <message>
        <source>Details: {why}</source>
        <translation>التفاصيل: ⁨{why}⁩</translation>
    </message>
    <message>
        <source>Cannot sync</source>
        <translation>تتعذّر المزامنة</translation>
    </message>
    <message>
        <source>Closing once the sync is done…</source>
        <translation>سيُغلَق محرر التوسيم حين تنتهي المزامنة…</translation>
    </message>
    <message>
        <source>Syncing with the team before closing…</source>
        <translation>جارٍ المزامنة مع الفريق قبل الإغلاق…</translation>
    </message>
    <message>
        <source>The sync before closing did not go through: {why}</source>
        <translation>لم تتمّ المزامنة قبل الإغلاق: ⁨{why}⁩</translation>
    </message>
    <message>
        <source>Close anyway? Your work is saved on this computer and is sent at the next sync.</source>
        <translation>هل تُغلق رغم ذلك؟ عملك محفوظ على هذا الحاسوب وسيُرسَل في المزامنة التالية.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>البقاء</translation>
    </message>
    <message>
        <source>Syncing with the team…</source>
        <translation>جارٍ المزامنة مع الفريق…</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>آخر مزامنة ⁨{time}⁩</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>لم تتمّ المزامنة بعد</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) to send</source>
        <translation>
            <numerusform>لا ملفات للإرسال</numerusform>
            <numerusform>ملف واحد للإرسال</numerusform>
            <numerusform>ملفان للإرسال</numerusform>
            <numerusform>%n ملفات للإرسال</numerusform>
            <numerusform>%n ملفًا للإرسال</numerusform>
            <numerusform>%n ملف للإرسال</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to send</source>
        <translation>لا شيء للإرسال</translation>
    </message>
    <message>
        <source>Sync failed · {what}</source>
        <translation>فشلت المزامنة · {what}</translation>
    </message>
</context>
<context>
    <name>TeamStatusDialog</name>
    <message>
        <source>Team status — {project}</source>
        <translation>حالة الفريق — ⁨{project}⁩</translation>
    </message>
    <message>
        <source>Progress on the documents assigned to each annotator (all they annotated when nothing is assigned to them)</source>
        <translation>التقدُّم في المستندات المُسنَدة إلى كل مُعلِّق (وفي كل ما وسمه إن لم يُسنَد إليه شيء)</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُعلِّق</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>المُسنَدة</translation>
    </message>
    <message>
        <source>New</source>
        <translation>الجديدة</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>المُنجَزة</translation>
    </message>
    <message>
        <source>Agreement on the documents two annotators annotated and both marked done</source>
        <translation>الاتفاق في المستندات التي وسمها مُعلِّقان وعلَّمها كلاهما مُنجَزة</translation>
    </message>
    <message>
        <source>Annotator A</source>
        <translation>المُعلِّق A</translation>
    </message>
    <message>
        <source>Annotator B</source>
        <translation>المُعلِّق B</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>F1 (exact)</source>
        <translation>F1 (تطابق تام)</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>كابا</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;تحديث</translation>
    </message>
    <message>
        <source>Reading the project&apos;s annotation files…</source>
        <translation>جارٍ قراءة ملفات التوسيم في المشروع…</translation>
    </message>
    <message>
        <source>The figures cannot be read:
{problems}</source>
        <translation>تتعذّر قراءة الأرقام:
⁨{problems}⁩</translation>
    </message>
    <message>
        <source>Nobody annotates in this project yet: &apos;annotator assign&apos; hands out the documents.</source>
        <translation>لا أحد يَسِم في هذا المشروع بعد: الأمر ⁦&apos;annotator assign&apos;⁩ يوزِّع المستندات.</translation>
    </message>
    <message>
        <source>No document was annotated by two annotators and marked done by both yet: no agreement to show.</source>
        <translation>لم يَسِم مُعلِّقان أي مستند ويعلِّماه كلاهما مُنجَزًا بعد: لا اتفاق لعرضه.</translation>
    </message>
    <message>
        <source>F1 counts spans with the same start, end and label; kappa compares the label of every word.</source>
        <translation>يَعُدّ F1 المقاطع المتماثلة في البداية والنهاية والتسمية؛ وتقارن كابا تسمية كل كلمة.</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>the file changed on disk; choose in the banner above the text</source>
        <translation>تغيّر الملف على القرص؛ اختر من الشريط فوق النص</translation>
    </message>
    <message>
        <source>it could not be written</source>
        <translation>تعذّرت كتابته</translation>
    </message>
    <message>
        <source>Your changes to {doc} are not saved ({reason}). Resolve that in the window, then run again.</source>
        <translation>تغييراتك في ⁨{doc}⁩ غير محفوظة (⁨{reason}⁩). عالج ذلك في النافذة، ثم أعد التشغيل.</translation>
    </message>
    <message>
        <source>Imported {spans} span(s) into {files} file(s)</source>
        <translation>استُوردت المقاطع ({spans}) إلى الملفات (⁨{files}⁩)</translation>
    </message>
    <message>
        <source>; {doc} was reloaded</source>
        <translation>؛ وأُعيد تحميل ⁨{doc}⁩</translation>
    </message>
    <message>
        <source>; {doc} has unsaved changes and was not reloaded (saving will show the conflict)</source>
        <translation>؛ وفي ⁨{doc}⁩ تغييرات غير محفوظة فلم يُعَد تحميله (سيُظهر الحفظ التعارض)</translation>
    </message>
</context>
<context>
    <name>UnplacedList</name>
    <message>
        <source>{id}, was at {start}–{end}</source>
        <translation>⁨{id}⁩، كان في ⁦{start}–{end}⁩</translation>
    </message>
    <message>
        <source>Place at selection</source>
        <translation>وضعه في التحديد</translation>
    </message>
    <message>
        <source>Put this {label} span over the text selected in the article (select it first)</source>
        <translation>وضع مقطع ⁨{label}⁩ هذا فوق النص المحدَّد في المقال (حدِّده أولًا)</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <source>Remove this span from the file (Ctrl+Z brings it back)</source>
        <translation>إزالة هذا المقطع من الملف (يعيده Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>The spans of {doc} are still being read: nothing can change for a moment</source>
        <translation>ما زالت مقاطع ⁨{doc}⁩ تُقرأ: لا يمكن تغيير شيء للحظة</translation>
    </message>
    <message>
        <source>No more documents that way</source>
        <translation>لا مزيد من المستندات في هذا الاتجاه</translation>
    </message>
    <message>
        <source>someone else changed the file on disk</source>
        <translation>غيّر شخص آخر الملف على القرص</translation>
    </message>
    <message>
        <source>it could not be written</source>
        <translation>تعذّرت كتابته</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>Your changes to {doc} are not saved: {reason}.

Keep them in a copy next to {file} and continue?</source>
        <translation>تغييراتك في ⁨{doc}⁩ غير محفوظة: ⁨{reason}⁩.

هل تُحفَظ في نسخة بجانب ⁨{file}⁩ ثم المتابعة؟</translation>
    </message>
    <message>
        <source>Keep a copy of my version and continue</source>
        <translation>الاحتفاظ بنسخة من نسختي والمتابعة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Your version was kept in {path}</source>
        <translation>احتُفظ بنسختك في ⁨{path}⁩</translation>
    </message>
    <message>
        <source>Cannot open document</source>
        <translation>تعذّر فتح المستند</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
</context>
</TS>
