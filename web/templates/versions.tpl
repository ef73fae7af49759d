{{%AUTOESCAPE context="HTML"}}<form method="get" action="/gaps/{{ID}}/diff" class="panel filters no-print">
<div><label for="f-from">از نسخه</label><select id="f-from" name="from">{{#FROM_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FROM_CHOICE}}</select></div>
<div><label for="f-to">تا نسخه</label><select id="f-to" name="to">{{#TO_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TO_CHOICE}}</select></div>
<div><button type="submit" class="secondary">مقایسه</button></div>
</form>
